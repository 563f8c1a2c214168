import { z } from 'zod';
import { localeSchema } from '../i18n/locale';
import { participantIdSchema } from '../identity';
import { SECTORS } from '../programme/programme-schema';

/** Limits shared by the form and the stored record, written once. */
export const LIMITS = {
  name: { min: 2, max: 80 },
  affiliation: { min: 2, max: 120 },
  about: { min: 0, max: 500 },
  excluded: { maxItems: 10, itemMaxLength: 80 },
  fields: { min: 1, max: 5 },
  languages: { min: 1, max: 5 },
  topics: { min: 1, max: 5 },
} as const;

export const ROLES = ['mentor', 'mentee'] as const;
export type ParticipantRole = (typeof ROLES)[number];
export const WISHED_SECTORS = ['academic', 'private', 'any'] as const;
export const FORMATS = ['remote', 'in-person', 'both'] as const;
export const PHD_STATUSES = ['none', 'in-progress', 'defended'] as const;
export type PhdStatus = (typeof PHD_STATUSES)[number];

/** The programme's long texts are at most 6,000 characters; placeholders may lengthen them a little. */
const DATA_NOTICE_MAX = 8000;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoDateTime = z.iso.datetime();
const ids = (min: number, max: number) => z.array(z.string().min(1)).min(min).max(max);

const commonProfile = {
  name: z.string().min(LIMITS.name.min).max(LIMITS.name.max),
  affiliation: z.string().min(LIMITS.affiliation.min).max(LIMITS.affiliation.max),
  fields: ids(LIMITS.fields.min, LIMITS.fields.max),
  languages: ids(LIMITS.languages.min, LIMITS.languages.max),
  format: z.enum(FORMATS),
  region: z.string().min(1),
  about: z.string().max(LIMITS.about.max).optional(),
};

export const mentorProfileSchema = z.object({
  role: z.literal('mentor'),
  ...commonProfile,
  sector: z.enum(SECTORS),
  offers: ids(LIMITS.topics.min, LIMITS.topics.max),
  capacity: z.number().int().min(1).max(20),
});

export const menteeProfileSchema = z.object({
  role: z.literal('mentee'),
  ...commonProfile,
  wishedSector: z.enum(WISHED_SECTORS),
  phdStatus: z.enum(PHD_STATUSES),
  phdDate: isoDate.optional(),
  birthDate: isoDate.optional(),
  expectations: ids(LIMITS.topics.min, LIMITS.topics.max),
  excluded: z.array(z.string().min(1).max(LIMITS.excluded.itemMaxLength)).max(LIMITS.excluded.maxItems),
});

export const profileSchema = z.discriminatedUnion('role', [mentorProfileSchema, menteeProfileSchema]);
export type MentorProfile = z.infer<typeof mentorProfileSchema>;
export type MenteeProfile = z.infer<typeof menteeProfileSchema>;
export type Profile = z.infer<typeof profileSchema>;

/** The stored record, validated on every read; enrolment-versions.ts reads the older shapes. */
export const enrolmentSchema = z.object({
  schemaVersion: z.literal(3),
  participant: participantIdSchema,
  status: z.enum(['active', 'withdrawn']),
  /** Grows on every change, so that a confirmation button can tell it is out of date. */
  revision: z.number().int().min(1),
  locale: localeSchema,
  profile: profileSchema,
  /** When each consent was given: the pillars and the data notice. */
  consents: z.object({
    pillars: isoDateTime,
    dataNotice: isoDateTime,
    /**
     * The data notice as the person read it when they accepted it, in their language: the
     * programme's notice may be edited since, and what someone agreed to must be shown as it was.
     * Null for an enrolment accepted before the bot kept it (version 1).
     */
    dataNoticeText: z.string().min(1).max(DATA_NOTICE_MAX).nullable(),
  }),
  /**
   * "Pair me again with my previous mentor / mentoré if possible": a pair from an earlier cycle is
   * proposed again only when both said yes (or a coordinator pins it). False before version 3.
   */
  pairAgain: z.boolean(),
  enrolledAt: isoDateTime,
  updatedAt: isoDateTime,
  withdrawnAt: isoDateTime.optional(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;
