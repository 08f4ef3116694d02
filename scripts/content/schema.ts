// What an author may write in content/. Each schema mirrors one kind of file;
// the compiler turns validated input into the shapes of src/content/types.ts.
import { z } from 'zod';
import { placeholdersOf, UI_KEYS } from '../../src/content/ui.ts';

export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
const id = z.string().regex(ID_PATTERN, 'must be lower-case letters, digits and _ (starting with a letter)');
// an empty value in YAML (`name:` with nothing after it) arrives as null
const text = z.string({ error: (issue) => (issue.input == null ? 'must not be empty' : undefined) }).trim().min(1, 'must not be empty');
/** the reason for a value of the wrong type, with what the author most likely wrote */
const wrongType = (missing: string, otherwise: string) => (issue: { input: unknown }) => (issue.input === undefined ? `is missing: ${missing}` : otherwise);
/** checked against the icon sets by the compiler */
const icon = z.string().regex(/^[a-z-]+:[a-z0-9-]+$/, 'must be an icon name set:name, e.g. lucide:lock');

export const courseFile = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and -'),
  title: text,
  version: z
    .string({ error: wrongType('write e.g. version: 1.0.0', 'must look like 1.0 or 1.0.0; YAML reads 1.0 as a number, so write "1.0" in quotes') })
    .regex(/^\d+\.\d+(\.\d+)?$/, 'must look like 1.0 or 1.0.0'),
  description: text,
  /** 学習目標 on the welcome screen: what the learner can do afterwards */
  goals: z.array(text).min(3, 'give three or four goals').max(4, 'give three or four goals'),
  passMark: z
    .number({ error: wrongType('write e.g. passMark: 80', 'must be a whole number from 0 to 100, without quotes') })
    .int('must be a whole number from 0 to 100')
    .min(0, 'must be a whole number from 0 to 100')
    .max(100, 'must be a whole number from 0 to 100'),
  statusStyle: z.enum(['passed-incomplete', 'passed-failed']).default('passed-incomplete'),
  completion: z
    .strictObject({
      allPages: z.boolean().default(true),
      passingScore: z.boolean().default(true),
      checklist: z.boolean().default(false),
      // the areas whose pages must be read (allPages), by section id; all when left out
      sections: z.array(id).min(1).optional(),
    })
    .default({ allPages: true, passingScore: true, checklist: false }),
  // report: each checklist answer also goes to the LMS as a likert interaction (never into status or score)
  checklist: z.strictObject({ report: z.boolean().default(false) }).default({ report: false }),
  // the training owner's company; every field optional, the course reads well without any
  company: z
    .strictObject({
      name: text.optional(),
      logo: z.string().regex(/^[\w-]+(\/[\w-]+)*\.svg$/, 'must be an .svg file inside content/, e.g. logo.svg').optional(),
      brandColor: z
        .string({ error: (issue) => (issue.input === null ? 'is empty: write the colour in quotes, e.g. brandColor: "#7a1f5c" (without them YAML reads # as the start of a comment)' : undefined) })
        .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb')
        .optional(),
      contact: z
        .strictObject({
          label: text.default('情報漏えい等の報告先'),
          name: text,
          phone: z.string().regex(/^[0-9+()\- ]{5,20}$/, 'must be a phone number: digits, spaces, + ( ) -').optional(),
          mail: z.email('must be a mail address').optional(),
        })
        .refine((c) => c.phone || c.mail, 'give a phone number or a mail address (or both)')
        .optional(),
    })
    .optional(),
  map: z.strictObject({
    caption: text,
    columns: z
      .array(z.strictObject({ group: z.enum(['preparation', 'measure', 'stronger']), title: text, nav: z.boolean().default(false) }))
      .min(1),
  }),
  sections: z
    .array(
      z.strictObject({
        id,
        title: text,
        description: text,
        pages: z.array(id).min(1),
        icon: icon.optional(),
      }),
    )
    .min(1),
});

export const pageFrontMatter = z.strictObject({
  id,
  title: text,
  navLabel: text.optional(),
  icon: icon.optional(),
  group: z.enum(['preparation', 'measure', 'stronger']).optional(),
  mapLabels: z.array(text).default([]),
  wide: z.boolean().optional(),
  selfCheck: z.array(text).optional(),
  criteria: z.array(text).optional(),
});

/** the resume state stores a quiz's ticks as a ten-bit mask (src/model/codec.ts) */
export const CHOICE_LETTERS = /^[a-j]$/;
const choiceLetter = z.string().regex(CHOICE_LETTERS, 'must be one letter a–j (the saved progress holds ten choice letters at most)');

export const storyFile = z.strictObject({
  id,
  number: z.number().int().min(1),
  title: text,
  summary: text,
  category: text,
  intro: text.optional(),
  /** who the story's opening scene shows: ids from content/cast.yaml */
  cast: z.array(id).default([]),
  quizzes: z
    .array(
      z.strictObject({
        id,
        number: z.string().regex(/^\d+-\d+$/, 'must look like 3-10'),
        title: text,
        scenario: text,
        question: text,
        choices: z
          .array(
            z.strictObject({
              id: choiceLetter,
              text,
              correct: z.boolean(),
              commentary: text.optional(),
            }),
          )
          .min(2)
          .max(6),
        explanation: text,
      }),
    )
    .min(1),
});

export const CHECKLIST_ID_PATTERN = /^c_[a-z0-9_]+$/;

export type CourseFile = z.infer<typeof courseFile>;

export const checklistFile = z.strictObject({
  levels: z
    .array(z.strictObject({ min: z.number().int().min(0).max(100), label: text, advice: text }))
    .min(2)
    .refine((l) => l.every((level, i) => i === 0 || level.min < l[i - 1].min), 'must go from the highest min down, each lower than the one before')
    .refine((l) => l[l.length - 1].min === 0, 'the last level must have min: 0, so every percentage has a level'),
  areas: z
    .array(
      z.strictObject({
        area: id,
        // when left out, the measure page's own references apply
        selfCheck: z.array(text).optional(),
        criteria: z.array(text).optional(),
        // this course's own mapping, shown under its own label, never as the source's criteria
        related: z.array(text).optional(),
        items: z
          .array(
            z.strictObject({
              id: z.string().regex(CHECKLIST_ID_PATTERN, 'must start with c_ followed by lower-case letters, digits and _'),
              text,
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

export const castFile = z.strictObject({
  cast: z
    .array(
      z.strictObject({
        id,
        name: text,
        role: text,
        icon,
      }),
    )
    .min(1),
});

/**
 * content/ui.yaml: every group and key of UI_KEYS, each a text using exactly
 * the placeholders the spec gives it — no fewer (the value would go missing),
 * no more (it would show as {name}).
 */
export const uiFile = z.strictObject(
  Object.fromEntries(
    Object.entries(UI_KEYS).map(([group, keys]) => [
      group,
      z.strictObject(
        Object.fromEntries(
          Object.entries(keys as Record<string, readonly string[]>).map(([key, wanted]) => [
            key,
            // not trimmed: a leading space may be part of the wording
            z.string().refine((v) => v.trim() !== '', 'must not be empty').superRefine((value, ctx) => {
              const used = placeholdersOf(value);
              const missing = wanted.filter((p) => !used.includes(p));
              const unknown = used.filter((p) => !wanted.includes(p));
              const list = (names: readonly string[]) => names.map((n) => `{${n}}`).join(', ');
              if (missing.length) ctx.addIssue({ code: 'custom', message: `must use the placeholder(s) ${list(missing)}` });
              if (unknown.length)
                ctx.addIssue({ code: 'custom', message: `unknown placeholder(s) ${list(unknown)}; this text takes ${wanted.length ? list(wanted) : 'none'}` });
            }),
          ]),
        ),
      ),
    ]),
  ),
);
