/*
 * What Slack sends for a slash command's text: `&`, `<` and `>` a person typed arrive as `&amp;`,
 * `&lt;` and `&gt;`, and where the command escapes (`should_escape`, on for /mentorat-admin)
 * people, channels and links arrive as `<@U…|name>`, `<#C…|name>`, `<https://…>`.
 */

/** `<@U…>` or `<@U…|name>` alone: the person Slack's autocomplete picked. */
const PERSON = /^<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>$/;
const ESCAPED = /<([@#!]?)([^<>|]*)(?:\|([^<>]*))?>|&(amp|lt|gt);/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>' };

const decode = (text: string): string => text.replace(/&(amp|lt|gt);/g, (_whole, name: string) => ENTITIES[name] ?? '');

/** The text as the person typed it: entities decoded, people and channels by name, links as shown. */
export function slackTypedText(text: string): string {
  return text.replace(
    ESCAPED,
    (_whole, sigil: string | undefined, target: string | undefined, label: string | undefined, entity: string | undefined) => {
      if (entity) return ENTITIES[entity] ?? '';
      const shown = decode(label ?? target ?? '');
      if (sigil === '@' || sigil === '#') return `${sigil}${shown}`;
      // `<!here>`, `<!subteam^S…|@team>`: the broadcast or the group as Slack shows it.
      if (sigil === '!') return label === undefined ? `@${shown}` : shown;
      return shown;
    },
  );
}

/** A `user` option: the id of the person picked in Slack's autocomplete, else the text as typed. */
export function slackPerson(typed: string): string {
  const trimmed = typed.trim();
  return PERSON.exec(trimmed)?.[1] ?? slackTypedText(trimmed);
}
