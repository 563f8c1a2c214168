import type { UseCaseContext } from '../context';
import { formatDate } from '../i18n/format-date';
import { translate } from '../i18n/translate';
import { namesOf, personLabel } from '../people';
import { referentIds } from '../referents/referent-directory';
import { mention, messages, type Reply, spaceMention } from '../reply';
import { isActiveBinome, peopleOf } from './binome';
import { announcedSpaces } from './binome-spaces';

/**
 * `/mentorat binome`: my binôme (a mentor may have several), my référent and our private space;
 * for a référent, the binômes they follow. A binôme is shown once announced: until then the
 * coordinators may still change it, and the announcement is when everyone learns of it together.
 */
export async function showMyBinomes(ctx: UseCaseContext): Promise<Reply> {
  const { ports, community, locale, programme } = ctx;
  const me = ctx.actor.id.userId;
  const [binomes, enrolments, spaces] = await Promise.all([
    ports.binomes.listByCommunity(community),
    ports.enrolments.listByCommunity(community),
    announcedSpaces(ports, community),
  ]);
  const names = namesOf(enrolments);
  const mine = binomes.filter((binome) => isActiveBinome(binome) && peopleOf(binome).includes(me));
  const shown = mine.filter((binome) => spaces.has(binome.id));
  const blocks = shown.map((binome) => {
    const space = spaces.get(binome.id);
    const where = space ? translate(locale, 'binome.mine.space', { space: spaceMention(space) }) : '';
    const since = translate(locale, 'binome.mine.since', { date: formatDate(binome.createdAt, locale, programme.timeZone) });
    if (binome.mentee !== me && binome.mentor !== me) {
      const follows = translate(locale, 'binome.mine.follows', {
        mentee: personLabel(binome.mentee, names),
        mentor: personLabel(binome.mentor, names),
      });
      return [follows, where, since].filter(Boolean).join('\n');
    }
    const partner = binome.mentee === me ? binome.mentor : binome.mentee;
    const who = translate(locale, binome.mentee === me ? 'binome.mine.yourMentor' : 'binome.mine.yourMentee', {
      person: personLabel(partner, names),
    });
    const referent = binome.referent
      ? translate(locale, 'announce.dm.yourReferent', { person: mention(binome.referent) })
      : translate(locale, 'announce.who.noReferent');
    return [who, referent, where, since].filter(Boolean).join('\n');
  });
  if (blocks.length > 0) return messages([translate(locale, 'binome.mine.title'), ...blocks].join('\n\n'));
  if (mine.length > 0) return messages(translate(locale, 'binome.mine.pending'));
  const waiting = (await ports.waitlist.list(community)).some((entry) => entry.mentee === me);
  if (waiting) return messages(translate(locale, 'binome.mine.waitlisted'));
  const enrolled = enrolments.find((enrolment) => enrolment.participant.userId === me && enrolment.status === 'active');
  if (enrolled) return messages(translate(locale, 'binome.mine.none'));
  // Référents need not enrol: telling them to would be wrong.
  const referent = ctx.actor.roles.has('referent') || (await referentIds(ctx)).includes(me);
  return messages(translate(locale, referent ? 'binome.mine.nothingToFollow' : 'binome.mine.notEnrolled'));
}
