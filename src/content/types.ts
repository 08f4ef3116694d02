// Shapes of the compiled course content. The build (scripts/content) produces
// these from content/; the browser bundle only ever sees this compiled form.
import type { Ui } from './ui.ts';

export type StatusStyle = 'passed-incomplete' | 'passed-failed';

export interface CompletionRule {
  /** every page of the course visited */
  allPages: boolean;
  /** quiz score at or above the pass mark */
  passingScore: boolean;
  /** every checklist item answered */
  checklist: boolean;
  /** areas whose pages allPages asks for; all when left out */
  /** section ids from course.yaml; the compiler checks each names a section */
  sections?: string[];
}

/** The training owner's company (content/course.yaml `company`), checked at build time. */
export interface CompanyMeta {
  name?: string;
  /** sanitised SVG markup of the logo */
  logoSvg?: string;
  /** #rrggbb, AA contrast on every surface checked; replaces --brand */
  brandColor?: string;
  brandColorDark?: string;
  /** whom to tell about a suspected leak; placed in content with [[contact]] */
  contact?: { label: string; name: string; phone?: string; mail?: string };
}

export interface CourseMeta {
  id: string;
  title: string;
  version: string;
  description: string;
  /** percent, 0–100 */
  passMark: number;
  completion: CompletionRule;
  statusStyle: StatusStyle;
  /** 学習目標 for the welcome screen, three or four */
  goals: string[];
  /** 所要時間, minutes, computed by the build from the text (src/model/estimate.ts) */
  estimate: { low: number; high: number };
  /** report: true sends each checklist answer to the LMS as an interaction, outside the score */
  checklist: { report: boolean };
  company?: CompanyMeta;
}

/** The overview map of the measures: one column per page group. */
export interface MeasuresMapShape {
  caption: string;
  columns: Array<{
    group: PageGroup;
    title: string;
    /** its pages are also in the row of measures atop each of them */
    nav: boolean;
  }>;
}

/**
 * Where the course's parts hang, resolved by the compiler from the pages that
 * place each widget: stories and quizzes sit below the story list, the
 * checklist's screens below its entry page.
 */
export interface Places {
  /** the page with [[widget:story-list]] */
  storyList: string;
  /** the page with [[widget:checklist-entry]] */
  checklist: string;
}

export interface Section {
  id: string;
  title: string;
  /** the short text shown on the top menu */
  description: string;
  /** pages in reading order; the first is the section's entry page */
  pages: string[];
  /** an icon name, `set:name` */
  icon?: string;
}

export type Block =
  | { type: 'html'; html: string }
  | { type: 'widget'; widget: WidgetName }
  /** panels behind tabs; every panel stays in the page (and prints) */
  | { type: 'tabs'; tabs: Panel[] }
  /** cards side by side; titles are headings of this level */
  | { type: 'cards'; level: 2 | 3; cards: Panel[] }
  /** a disclosure, closed at first */
  | { type: 'details'; summary: string; html: string };

/** One tab's or card's content. */
export interface Panel {
  title: string;
  /** an icon name, `set:name` */
  icon?: string;
  /** HTML */
  html: string;
}

export type WidgetName = 'measures-map' | 'story-list' | 'checklist-entry' | 'cast';

/** Someone (or some company) who appears in the stories. */
export interface CastMember {
  id: string;
  name: string;
  /** who they are, in a few words */
  role: string;
  icon: string;
}

/** how a page takes part in the measures map and navigator */
export type PageGroup = 'preparation' | 'measure' | 'stronger';

export interface PageRefs {
  /** 【セルフチェックシートの項目】 */
  selfCheck: string[];
  /** 【基準該当箇所】 */
  criteria: string[];
  /** this course's own mapping, where the source names no criteria (the stronger measures) */
  related?: string[];
}

export interface Page {
  id: string;
  /** the id of the section listing it */
  section: string;
  /** laid out wider than prose (maps, tables) */
  wide?: boolean;
  title: string;
  /** shorter label for navigators and the map; defaults to title */
  navLabel: string;
  /** an icon name, `set:name` */
  icon?: string;
  group?: PageGroup;
  /** the slide's keyword tiles for this measure on the measures map */
  mapLabels: string[];
  refs?: PageRefs;
  blocks: Block[];
}

export interface Choice {
  /** one lower-case letter, stable: also the SCORM 1.2 response token */
  id: string;
  text: string;
  correct: boolean;
  /** HTML; the seed's remark on this choice, when it has one */
  commentary?: string;
}

export interface Quiz {
  /** stable, [a-z0-9_]: also the SCORM interaction id */
  id: string;
  story: string;
  /** as shown to the learner, e.g. "3-10" */
  number: string;
  title: string;
  /** HTML: the situation before the question */
  scenario: string;
  question: string;
  choices: Choice[];
  /** HTML */
  explanation: string;
}

export interface Story {
  id: string;
  number: number;
  title: string;
  summary: string;
  category: string;
  /** HTML, optional story-wide situation shown before the first quiz */
  intro?: string;
  /** ids of the cast members the story's opening scene shows */
  cast: string[];
  quizzes: string[];
}

/** One self-check statement about the learner's own company. */
export interface ChecklistItem {
  /** stable, c_[a-z0-9_]: the key of the saved answer */
  id: string;
  /** the measure page (m_* or s_*) the item belongs to */
  area: string;
  text: string;
}

/** A step of the checklist's overall verdict. */
export interface Level {
  /** 1 (lowest) up */
  rank: number;
  /** lowest overall percent of this level */
  min: number;
  label: string;
  advice: string;
}

export interface Course {
  meta: CourseMeta;
  sections: Section[];
  /** the people and companies of the stories */
  cast: CastMember[];
  /**
   * Headings', tabs' and buttons' strings split into phrases (joined by
   * U+200B), for line breaks between phrases only; see src/views/phrased.tsx.
   */
  phrases: string[];
  pages: Page[];
  stories: Story[];
  quizzes: Quiz[];
  /** grouped by area, areas in the course's page order */
  checklist: ChecklistItem[];
  /**
   * References of the checklist areas that name their own instead of their
   * measure page's (the stronger measures, whose pages have none); every
   * other area shows its page's refs.
   */
  checklistRefs: Record<string, PageRefs>;
  /** the overall verdict's steps, highest first; the last has min 0 */
  checklistLevels: Level[];
  map: MeasuresMapShape;
  places: Places;
  /** the interface's words (content/ui.yaml) */
  ui: Ui;
}
