import type { Course } from '../../content/types.ts';
import { href } from '../../app/routes.ts';
import { LABELS } from '../labels.ts';
import { CHECKLIST_LABELS } from './labels.ts';

/** トップ › 自社の対策状況チェック › チェックリスト › (current) */
export function Crumbs({ course, current }: { course: Course; current?: string }) {
  const check = course.sections.find((s) => s.id === 'check')!;
  return (
    <nav class="breadcrumb" aria-label="現在地">
      <ol>
        <li>
          <a href="#/">{LABELS.top}</a>
        </li>
        <li>
          <a href={href({ name: 'page', id: check.pages[0] })}>{check.title}</a>
        </li>
        {current ? (
          <>
            <li>
              <a href={href({ name: 'checklist' })}>{CHECKLIST_LABELS.title}</a>
            </li>
            <li aria-current="page">{current}</li>
          </>
        ) : (
          <li aria-current="page">{CHECKLIST_LABELS.title}</li>
        )}
      </ol>
    </nav>
  );
}
