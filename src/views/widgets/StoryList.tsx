import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import type { Story } from '../../content/types.ts';
import { isStoryFinished } from '../../model/state.ts';
import { phrased } from '../phrased.tsx';

export function storyStatus(view: View, story: Story): { answered: number; label: string } {
  const total = story.quizzes.length;
  const answered = story.quizzes.filter((q) => view.state.answers[q] !== undefined).length;
  const record = view.state.stories[story.id];
  if (answered === 0 && !record) return { answered, label: '未着手' };
  if (!isStoryFinished(story, view.state)) return { answered, label: `解答中（${answered}/${total}問）` };
  return { answered, label: `最高 ${record?.best ?? 0}/${total}問 正解` };
}

export function StoryList({ store, view }: { store: Store; view: View }) {
  return (
    <ol class="story-list">
      {store.course.stories.map((s) => {
        const status = storyStatus(view, s);
        return (
          <li key={s.id} class="story-card">
            <p class="story-category">{phrased(s.category)}</p>
            <h2>
              <a href={href({ name: 'story', id: s.id })}>
                ストーリー{s.number}　{phrased(s.title)}
              </a>
            </h2>
            <p>{s.summary}</p>
            <p class="story-status" data-testid={`story-status-${s.id}`}>
              {s.quizzes.length}問 ・ {status.label}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
