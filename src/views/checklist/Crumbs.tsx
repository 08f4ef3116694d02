import type { Course } from '../../content/types.ts';
import { href } from '../../app/routes.ts';
import { Breadcrumb } from '../Breadcrumb.tsx';
import { CHECKLIST_LABELS } from './labels.ts';

/** トップ › 自社の対策状況チェック › チェックリスト › (current) */
export function Crumbs({ course, current }: { course: Course; current?: string }) {
  const check = course.sections.find((s) => s.id === 'check')!;
  const section = { label: check.title, href: href({ name: 'page', id: check.pages[0] }) };
  const trail = current
    ? [section, { label: CHECKLIST_LABELS.title, href: href({ name: 'checklist' }) }, { label: current }]
    : [section, { label: CHECKLIST_LABELS.title }];
  return <Breadcrumb trail={trail} />;
}
