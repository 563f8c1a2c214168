import { z } from 'zod';
import { localeSchema } from '../i18n/locale';

/** Discord select menus hold 25 options: every list a form offers must fit in one. */
export const MAX_CHOICES = 25;
/** Slack option texts are at most 75 characters (Discord allows 100). */
const MAX_CHOICE_LABEL = 75;

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected an identifier: lowercase letters, digits and dashes, 40 characters at most');

function localizedText(maxLength: number) {
  return z.object({
    fr: z.string().trim().min(1, 'expected a non-empty text').max(maxLength, `expected at most ${maxLength} characters`),
    en: z.string().trim().min(1, 'expected a non-empty text').max(maxLength, `expected at most ${maxLength} characters`),
  });
}

/** Programme texts longer than one chat message are split when sent; this bound only catches accidents. */
const longText = localizedText(6000);

const choiceSchema = z.object({ id: slug, label: localizedText(MAX_CHOICE_LABEL) });
export type Choice = z.infer<typeof choiceSchema>;

function choiceList() {
  return z
    .array(choiceSchema)
    .min(1, 'expected at least one entry')
    .max(MAX_CHOICES, `expected at most ${MAX_CHOICES} entries (a Discord select menu holds ${MAX_CHOICES})`)
    .superRefine((choices, ctx) => {
      const seen = new Set<string>();
      choices.forEach((choice, index) => {
        if (seen.has(choice.id)) {
          ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id "${choice.id}"` });
        }
        seen.add(choice.id);
      });
    });
}

/** A soft-score weight: a whole number of points, small enough that totals stay exact. */
const weight = z.number().int().min(0).max(1000);

const accessSchema = z.object({
  /** Discord role names or ids, or Slack user group ids (`S…`), whose members hold this role (Discord server administrators are coordinators too). */
  roles: z.array(z.string().trim().min(1).max(100)).default([]),
  /** Platform user ids (Slack `U…`, Discord snowflakes, terminal names). */
  users: z.array(z.string().trim().min(1).max(100)).default([]),
});

export const SECTORS = ['academic', 'private', 'both'] as const;
export type Sector = (typeof SECTORS)[number];

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Rules a programme text may quote; the bot fills them in from the same file. */
export const TEXT_PLACEHOLDERS = ['maxAge', 'maxYearsAfterPhd', 'capacityMin', 'capacityMax'] as const;

function unknownPlaceholders(value: unknown, path: (string | number)[], found: { path: (string | number)[]; name: string }[]): void {
  if (typeof value === 'string') {
    for (const match of value.matchAll(/\{(\w+)\}/g)) {
      const name = match[1] ?? '';
      if (!(TEXT_PLACEHOLDERS as readonly string[]).includes(name)) found.push({ path, name });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      unknownPlaceholders(item, [...path, index], found);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) unknownPlaceholders(item, [...path, key], found);
  }
}

/** Where a category's reports go first: the binôme's référent, or straight to the coordinators (a concern about the référent). */
export const REPORT_ROUTES = ['referent', 'coordinators'] as const;

const REPORT_DEFAULTS = {
  maxPerHour: 5,
  remindAfterHours: 72,
  escalateAfterHours: 72,
  retentionMonths: 24,
  coordinationSpace: 'coordination mentorat',
} as const;

const reportsSchema = z
  .object({
    categories: z
      .array(z.object({ id: slug, label: localizedText(MAX_CHOICE_LABEL), route: z.enum(REPORT_ROUTES).default('referent') }))
      .min(1, 'expected at least one category')
      .max(MAX_CHOICES, `expected at most ${MAX_CHOICES} categories (a Discord select menu holds ${MAX_CHOICES})`),
    /** Reports one person may file in an hour: a burst beyond is refused with a clear answer. */
    maxPerHour: z.number().int().min(1).max(100).default(REPORT_DEFAULTS.maxPerHour),
    /** A report nobody took after this long reminds those who received it… */
    remindAfterHours: z
      .number()
      .min(1)
      .max(24 * 60)
      .default(REPORT_DEFAULTS.remindAfterHours),
    /** …and after this much longer goes to the coordinators by itself. */
    escalateAfterHours: z
      .number()
      .min(1)
      .max(24 * 60)
      .default(REPORT_DEFAULTS.escalateAfterHours),
    /** Resolved reports lose their texts and people after this long; anonymous counts stay. */
    retentionMonths: z.number().int().min(1).max(120).default(REPORT_DEFAULTS.retentionMonths),
    /** The name of the private space where coordinators receive reports. */
    coordinationSpace: z.string().trim().min(1).max(80).default(REPORT_DEFAULTS.coordinationSpace),
  })
  .strict();
export type ReportRules = z.infer<typeof reportsSchema>;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const FOLLOW_UP_DEFAULTS = {
  firstCheckInAfterWeeks: 2,
  checkInEveryWeeks: 4,
  alertAfterRounds: 2,
  pauseAfterIgnoredRounds: 3,
  digest: { enabled: true, weekday: 'monday', hour: 9 },
  pastCyclesRetentionMonths: 24,
} as const;

/** The life of a binôme after its announcement: check-ins, alerts, the coordinators' weekly digest, history. */
const followUpSchema = z
  .object({
    /** The first check-in comes this long after the announcement… */
    firstCheckInAfterWeeks: z.number().int().min(1).max(26).default(FOLLOW_UP_DEFAULTS.firstCheckInAfterWeeks),
    /** …and the next ones at this interval, until the binôme or its cycle ends. */
    checkInEveryWeeks: z.number().int().min(1).max(26).default(FOLLOW_UP_DEFAULTS.checkInEveryWeeks),
    /** This many "not yet" in a row, or rounds without any answer, alert the binôme's référent. */
    alertAfterRounds: z.number().int().min(1).max(10).default(FOLLOW_UP_DEFAULTS.alertAfterRounds),
    /** A member who leaves this many rounds in a row unanswered is paused, and told how to resume. */
    pauseAfterIgnoredRounds: z.number().int().min(1).max(10).default(FOLLOW_UP_DEFAULTS.pauseAfterIgnoredRounds),
    /** A weekly summary in the coordinators' space (new enrolments, binômes at risk, reports past their deadline). */
    digest: z
      .object({
        enabled: z.boolean().default(FOLLOW_UP_DEFAULTS.digest.enabled),
        weekday: z.enum(WEEKDAYS).default(FOLLOW_UP_DEFAULTS.digest.weekday),
        /** The hour, in the programme's time zone. */
        hour: z.number().int().min(0).max(23).default(FOLLOW_UP_DEFAULTS.digest.hour),
      })
      .strict()
      .default(FOLLOW_UP_DEFAULTS.digest),
    /** Binômes, check-ins and feedback of a closed cycle keep the people's names this long; counts stay. */
    pastCyclesRetentionMonths: z.number().int().min(1).max(120).default(FOLLOW_UP_DEFAULTS.pastCyclesRetentionMonths),
  })
  .strict()
  .refine((followUp) => followUp.pauseAfterIgnoredRounds >= followUp.alertAfterRounds, {
    message: 'expected pauseAfterIgnoredRounds ≥ alertAfterRounds (the référent hears of silence before a pause)',
  });
export type FollowUpRules = z.infer<typeof followUpSchema>;

export const programmeSchema = z
  .object({
    name: localizedText(80),
    defaultLocale: localeSchema.default('fr'),
    timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Paris').default('Europe/Paris'),
    texts: z.object({
      overview: longText,
      howToEnrol: longText,
      mentorIs: longText,
      mentorIsNotCsi: longText,
      mentorIsNotDirector: longText,
      actors: z.object({ mentor: longText, mentee: longText, referent: longText, coordinator: longText }),
      reporting: longText,
      dataNotice: longText,
      /** In every binôme's welcome message: how to get started. */
      firstSteps: longText,
      /** Told to a mentoré a confirmed proposal left without a binôme: what happens next. */
      waitlist: longText,
    }),
    pillars: z
      .array(z.object({ id: slug, title: localizedText(80), summary: longText }))
      .min(1, 'expected at least one pillar')
      .max(10, 'expected at most 10 pillars'),
    benefits: z.object({
      mentor: z.array(localizedText(300)).min(1, 'expected at least one benefit'),
      mentee: z.array(localizedText(300)).min(1, 'expected at least one benefit'),
    }),
    eligibility: z.object({
      /** A mentoré qualifies when strictly younger than this… */
      maxAge: z.number().int().min(18).max(100),
      /** …or when their thesis was defended at most this many years ago. */
      maxYearsAfterPhd: z.number().int().min(0).max(30),
      doctoralStudentsEligible: z.boolean().default(true),
    }),
    capacity: z
      .object({
        min: z.number().int().min(1).max(20),
        max: z.number().int().min(1).max(20),
        default: z.number().int().min(1).max(20),
      })
      .refine((capacity) => capacity.min <= capacity.default && capacity.default <= capacity.max, {
        message: 'expected min ≤ default ≤ max',
      }),
    sectors: z.object({
      academic: localizedText(MAX_CHOICE_LABEL),
      private: localizedText(MAX_CHOICE_LABEL),
      both: localizedText(MAX_CHOICE_LABEL),
    }),
    lists: z.object({
      fields: choiceList(),
      topics: choiceList(),
      languages: choiceList(),
      regions: choiceList(),
    }),
    access: z.object({
      coordinators: accessSchema.default({ roles: [], users: [] }),
      referents: accessSchema.default({ roles: [], users: [] }),
    }),
    matching: z
      .object({
        /** Points of the soft score (integers): coordinators tune them, the matcher explains them. */
        weights: z
          .object({
            sharedField: weight.default(10),
            wishedSector: weight.default(5),
            offeredTopic: weight.default(3),
            sameRegionInPerson: weight.default(4),
            compatibleFormat: weight.default(2),
          })
          .strict()
          .default({ sharedField: 10, wishedSector: 5, offeredTopic: 3, sameRegionInPerson: 4, compatibleFormat: 2 }),
        /** A mentor and a mentoré of the same lab or company are never paired. */
        forbidSameAffiliation: z.boolean().default(true),
        /** A pair must have a way to meet: both accept remote, or both meet in person in the same region. */
        requireWayToMeet: z.boolean().default(true),
      })
      .strict()
      .default({
        weights: { sharedField: 10, wishedSector: 5, offeredTopic: 3, sameRegionInPerson: 4, compatibleFormat: 2 },
        forbidSameAffiliation: true,
        requireWayToMeet: true,
      }),
    reports: reportsSchema,
    followUp: followUpSchema.default(FOLLOW_UP_DEFAULTS),
    spaces: z
      .object({
        /**
         * Discord: the category binôme channels are created under (it must exist, so that
         * coordinators choose where they live); when it holds Discord's 50 channels, the bot
         * opens "<name> 2", "<name> 3"… beside it.
         */
        discordCategory: z.string().trim().min(1).max(100).default('Binômes mentorat'),
        /**
         * Discord: where a binôme's channel goes, read-only, when its cycle closes. Like the one
         * above it must exist (coordinators choose who sees the archives); "<name> 2"… follow.
         */
        discordArchiveCategory: z.string().trim().min(1).max(100).default('Binômes archivés'),
      })
      .strict()
      .default({ discordCategory: 'Binômes mentorat', discordArchiveCategory: 'Binômes archivés' }),
  })
  .strict()
  .superRefine((programme, ctx) => {
    const found: { path: (string | number)[]; name: string }[] = [];
    for (const section of ['texts', 'pillars', 'benefits'] as const) unknownPlaceholders(programme[section], [section], found);
    for (const { path, name } of found) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `unknown placeholder {${name}}; known: ${TEXT_PLACEHOLDERS.map((known) => `{${known}}`).join(', ')}`,
      });
    }
  });

export type Programme = z.infer<typeof programmeSchema>;
