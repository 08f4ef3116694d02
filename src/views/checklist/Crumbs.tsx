import type { Course } from '../../content/types.ts';
import { href } from '../../app/routes.ts';
import { Breadcrumb } from '../Breadcrumb.tsx';

/** top › the section of the checklist's entry page › the checklist › (current) */
export function Crumbs({ course, current }: { course: Course; current?: string }) {
  const entry = course.pages.find((p) => p.id === course.places.checklist)!;
  const check = course.sections.find((s) => s.id === entry.section)!;
  const section = { label: check.title, href: href({ name: 'page', id: entry.id }) };
  const trail = current
    ? [section, { label: course.ui.checklist.title, href: href({ name: 'checklist' }) }, { label: current }]
    : [section, { label: course.ui.checklist.title }];
  return <Breadcrumb trail={trail} ui={course.ui.nav} />;
}
