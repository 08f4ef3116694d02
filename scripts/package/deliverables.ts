// Every file the build writes beside the course for the owner and HR, by name,
// the recommended package first: the preview offers them, and the guide's page
// links those it names.
import type { ScormVersion } from '../../src/scorm/spec.ts';
import { catalogueFileNames } from '../catalogue/write.ts';
import { announcementName } from '../guide/announcement.ts';
import { guidePageName } from '../guide/page.ts';
import { packageFileName, reportPageName, TARGETS } from './targets.ts';

export interface Deliverable {
  label: string;
  /** its name in dist/ */
  name: string;
}

export function deliverables(courseId: string): Deliverable[] {
  const catalogue = catalogueFileNames(courseId);
  const zip = (version: ScormVersion) => packageFileName(courseId, TARGETS.find((t) => t.version === version)!);
  return [
    { label: 'SCORM 2004 パッケージ（推奨）', name: zip('2004') },
    { label: 'SCORM 1.2 パッケージ', name: zip('1.2') },
    { label: 'LMS 管理者・人事担当者向けガイド', name: guidePageName(courseId) },
    { label: '受講者への案内文（ひな形）', name: announcementName(courseId) },
    { label: '設問一覧（インタラクション ID と正答）', name: catalogue.html },
    { label: '設問一覧（CSV）', name: catalogue.csv },
    { label: 'チェックリストの項目一覧（CSV）', name: catalogue.checklist },
    { label: '集計レポートを作るページ（人事担当者向け）', name: reportPageName(courseId) },
  ];
}
