import { commands } from '../../commands';
import { slackManifest } from '../platforms/slack/slack-manifest';

const USAGE = `Usage: npm run -s slack:manifest -- [--socket | --url https://host] [--lang fr|en]
Prints the Slack app manifest (JSON), generated from commands/, to paste into
api.slack.com/apps → Create New App → From a manifest.
  --socket   Socket Mode: the bot connects to Slack, no public URL needed (the default)
  --url      HTTP mode: Slack posts commands and interactions to <url>/slack/events
  --lang     language of the descriptions and subcommand names shown in Slack (default fr)
`;

type Parsed = { socketMode: true; locale: 'fr' | 'en' } | { socketMode: false; requestUrl: string; locale: 'fr' | 'en' };

function parse(args: readonly string[]): Parsed | undefined {
  let url: string | undefined;
  let socket = false;
  let locale: 'fr' | 'en' = 'fr';
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const value = args[index + 1];
    if (arg === '--socket') socket = true;
    else if (arg === '--url' && value !== undefined) {
      url = value;
      index += 1;
    } else if (arg === '--lang' && (value === 'fr' || value === 'en')) {
      locale = value;
      index += 1;
    } else return undefined;
  }
  if (url === undefined) return { socketMode: true, locale };
  if (socket || !isHttpsUrl(url)) return undefined;
  return { socketMode: false, requestUrl: url, locale };
}

/** Slack only posts to HTTPS request URLs. */
function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

const args = process.argv.slice(2);
const parsed = parse(args);
if (args.includes('--help')) {
  process.stdout.write(USAGE);
} else if (!parsed) {
  process.stderr.write(USAGE);
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(slackManifest(commands, parsed), null, 2)}\n`);
}
