import type { MarkupText } from '../../core/reply';

/** Where a backslash escape or an unescaped space mention starts: escapes are skipped, so `\<#…>` stays as typed. */
const ESCAPE_OR_SPACE = /\\[\s\S]|<#(\d+)\|[^>\n]*>/g;

/**
 * The neutral markup is Discord's own (`**bold**`, `_italic_`, backticks, `[label](url)`, `<@id>`,
 * backslash escapes), except a space: Discord writes a channel `<#id>` and shows its current name.
 * Messages go with mentions disabled (`NO_MENTIONS`): `<@id>` shows the name without pinging.
 */
export function markupToDiscord(text: MarkupText): string {
  return text.replace(ESCAPE_OR_SPACE, (whole, channelId: string | undefined) => (channelId ? `<#${channelId}>` : whole));
}
