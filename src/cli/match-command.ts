import { readFileSync } from 'node:fs';
import type { Locale } from '../core/i18n/locale';
import { translate } from '../core/i18n/translate';
import type { MatchingRules } from '../core/matching/candidates';
import { pairReasons, unmatchedReasons } from '../core/matching/explain';
import { type ParsedMatchInput, parseMatchCsv, parseMatchJson } from '../core/matching/match-input';
import { type Proposal, proposePairings } from '../core/matching/proposal';
import type { Programme } from '../core/programme/programme-schema';

export const MATCH_USAGE = `Usage: mentorat match --input FILE [--json] [--lang fr|en]

Reads enrolments (the JSON described in the README, or the CSV that /mentorat-admin inscrits
exports, lists separated by ";") and prints the best pairs, their scores and reasons, and every
mentoré left without a pair and why, exactly as /mentorat-admin apparier would.
Exit codes: 0 done, 2 bad arguments or bad input (each problem named by its line or path).`;

export interface MatchOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface MatchArguments {
  readonly input: string;
  readonly json: boolean;
  readonly locale: Locale;
}

function readArguments(args: readonly string[]): MatchArguments | string {
  let input: string | undefined;
  let json = false;
  let locale: Locale = 'fr';
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--json') json = true;
    else if (arg === '--input') input = args[++index];
    else if (arg === '--lang') {
      const value = args[++index];
      if (value !== 'fr' && value !== 'en') return `--lang takes fr or en, not ${value ?? 'nothing'}`;
      locale = value;
    } else return `unknown argument ${arg}`;
  }
  return input ? { input, json, locale } : '--input FILE is required';
}

/** What `--json` prints: the documented shape, reasons in words. */
export function proposalJson(proposal: Proposal, programme: Programme, locale: Locale) {
  return {
    pairs: proposal.pairs.map((pair) => ({
      mentee: pair.mentee,
      mentor: pair.mentor,
      score: pair.score,
      reasons: pairReasons(pair, programme, locale),
    })),
    unmatched: proposal.unmatched.map((item) => ({ mentee: item.mentee, reasons: unmatchedReasons(item, locale) })),
    matched: proposal.matched,
    total: proposal.total,
  };
}

function proposalText(proposal: Proposal, programme: Programme, locale: Locale): string {
  const lines = proposal.pairs.map(
    (pair) =>
      `${pair.mentee} ↔ ${pair.mentor}  score ${pair.score}  (${pairReasons(pair, programme, locale).join(translate(locale, 'list.separator'))})`,
  );
  for (const item of proposal.unmatched)
    lines.push(`${item.mentee}  —  ${unmatchedReasons(item, locale).join(translate(locale, 'list.separator'))}`);
  lines.push(`matched ${proposal.matched}, unmatched ${proposal.unmatched.length}, total score ${proposal.total}`);
  return `${lines.join('\n')}\n`;
}

/** `mentorat match`: pure apart from reading the input file, so that tests call it directly. */
export function runMatch(args: readonly string[], programme: Programme): MatchOutput {
  const parsedArgs = readArguments(args);
  if (typeof parsedArgs === 'string') return { code: 2, stdout: '', stderr: `${parsedArgs}\n\n${MATCH_USAGE}\n` };
  let text: string;
  try {
    text = readFileSync(parsedArgs.input, 'utf8');
  } catch (error) {
    return { code: 2, stdout: '', stderr: `cannot read ${parsedArgs.input}: ${error instanceof Error ? error.message : String(error)}\n` };
  }
  const parsed: ParsedMatchInput = /\.csv$/i.test(parsedArgs.input) ? parseMatchCsv(text) : parseMatchJson(text);
  if (!parsed.ok)
    return { code: 2, stdout: '', stderr: `${parsedArgs.input}:\n${parsed.problems.map((problem) => `  ${problem}`).join('\n')}\n` };
  const rules: MatchingRules = programme.matching;
  const proposal = proposePairings(parsed.input, rules);
  const stdout = parsedArgs.json
    ? `${JSON.stringify(proposalJson(proposal, programme, parsedArgs.locale), null, 2)}\n`
    : proposalText(proposal, programme, parsedArgs.locale);
  return { code: 0, stdout, stderr: '' };
}
