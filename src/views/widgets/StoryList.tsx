import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';

export function storyStatus(view: View, quizIds: string[], storyId: string): { answered: number; label: string } {
  const answered = quizIds.filter((q) => view.state.answers[q] !== undefined).length;
  const record = view.state.stories[storyId];
  if (answered === 0 && !record) return { answered, label: '未着手' };
  if (answered < quizIds.length && (record?.attempts ?? 1) === 1) return { answered, label: `解答中（${answered}/${quizIds.length}問）` };
  return { answered, label: `最高 ${record?.best ?? 0}/${quizIds.length}問 正解` };
}

export function StoryList({ store, view }: { store: Store; view: View }) {
  return (
    <ol class="story-list">
      {store.course.stories.map((s) => {
        const status = storyStatus(view, s.quizzes, s.id);
        return (
          <li key={s.id} class="story-card">
            <p class="story-category">{s.category}</p>
            <h2>
              <a href={href({ name: 'story', id: s.id })}>
                ストーリー{s.number}　{s.title}
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
