// content/stories/*.yaml: a story with its cast and quizzes, each choice with its commentary.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CastMember, Quiz, Story } from '../../src/content/types.ts';
import { checkPlaceholders, readYaml, validate, type Compiling } from './read.ts';
import { castFile, storyFile } from './schema.ts';

/** content/cast.yaml (optional): the people and companies the stories show. */
export function compileCast(file: string, c: Compiling): CastMember[] {
  const display = c.rel(file);
  const data = existsSync(file) ? validate(castFile, readYaml(file, display, c.problems), display, c.problems) : undefined;
  const cast: CastMember[] = data?.cast ?? [];
  cast.forEach((member, ci) => {
    c.icon(member.icon, display, `cast.${ci}.icon`);
    for (const field of ['name', 'role'] as const) checkPlaceholders(member[field], display, `cast.${ci}.${field}`, c.problems);
  });
  return cast;
}

export function compileStories(dir: string, cast: { list: CastMember[]; display: string }, c: Compiling): { stories: Story[]; quizzes: Quiz[] } {
  const { problems } = c;
  const stories: Story[] = [];
  const quizzes: Quiz[] = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  for (const name of files) {
    const file = join(dir, name);
    const display = c.rel(file);
    const data = validate(storyFile, readYaml(file, display, problems), display, problems);
    if (!data) continue;
    for (const [field, value] of [['title', data.title], ['summary', data.summary], ['category', data.category]] as const)
      checkPlaceholders(value, display, field, problems);
    stories.push({
      id: data.id,
      number: data.number,
      title: data.title,
      summary: data.summary,
      category: data.category,
      intro: data.intro ? c.md(data.intro, display, 'intro') : undefined,
      cast: data.cast,
      quizzes: data.quizzes.map((q) => q.id),
    });
    data.cast.forEach((who, wi) => {
      if (!cast.list.some((m) => m.id === who)) problems.add(display, `cast.${wi}`, `no one with id "${who}" in ${cast.display}`);
    });
    data.quizzes.forEach((q, qi) => {
      const at = `quizzes.${qi}`;
      if (!q.choices.some((choice) => choice.correct)) problems.add(display, `${at}.choices`, 'at least one choice must be correct');
      const letters = q.choices.map((choice) => choice.id);
      if (new Set(letters).size !== letters.length) problems.add(display, `${at}.choices`, 'choice ids must be unique');
      if (!q.number.startsWith(`${data.number}-`)) problems.add(display, `${at}.number`, `must start with the story number ${data.number}-`);
      // the number tells quizzes with the same title apart in LMS reports (2004 description, item catalogue)
      if (quizzes.some((other) => other.number === q.number)) problems.add(display, `${at}.number`, `${q.number} is already used by another quiz`);
      checkPlaceholders(q.title, display, `${at}.title`, problems);
      checkPlaceholders(q.question, display, `${at}.question`, problems);
      quizzes.push({
        id: q.id,
        story: data.id,
        number: q.number,
        title: q.title,
        scenario: c.md(q.scenario, display, `${at}.scenario`),
        question: q.question,
        choices: q.choices.map((choice, ci) => ({
          id: choice.id,
          text: (checkPlaceholders(choice.text, display, `${at}.choices.${ci}.text`, problems), choice.text),
          correct: choice.correct,
          commentary: choice.commentary ? c.md(choice.commentary, display, `${at}.choices.${ci}.commentary`) : undefined,
        })),
        explanation: c.md(q.explanation, display, `${at}.explanation`),
      });
    });
  }
  return { stories, quizzes };
}
