import type { Store, View } from '../../app/store.ts';
import { href } from '../../app/routes.ts';
import type { Story } from '../../content/types.ts';
import { isStoryFinished, storyAnswered } from '../../model/state.ts';
import { phrased } from '../phrased.tsx';
import { fill, type Ui } from '../../content/ui.ts';

export function storyStatus(view: View, story: Story, ui: Ui['story']): { answered: number; label: string } {
  const total = story.quizzes.length;
  const answered = storyAnswered(story, view.state);
  const record = view.state.stories[story.id];
  if (answered === 0 && !record) return { answered, label: ui.notStarted };
  if (!isStoryFinished(story, view.state)) return { answered, label: fill(ui.inProgress, { answered, total }) };
  return { answered, label: fill(ui.best, { best: record?.best ?? 0, total }) };
}

export function StoryList({ store, view }: { store: Store; view: View }) {
  const ui = store.course.ui.story;
  return (
    <ol class="story-list">
      {store.course.stories.map((s) => {
        const status = storyStatus(view, s, ui);
        return (
          <li key={s.id} class="story-card">
            <p class="story-category">{phrased(s.category)}</p>
            <h2>
              <a href={href({ name: 'story', id: s.id })}>
                {phrased(fill(ui.title, s))}
              </a>
            </h2>
            <p>{phrased(s.summary)}</p>
            <p class="story-status" data-testid={`story-status-${s.id}`}>
              {fill(ui.card, { count: s.quizzes.length, status: status.label })}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
