// The interface's words: which keys content/ui.yaml must define and which
// {placeholders} each one takes. The words themselves live in content/ui.yaml;
// the compiler checks that file against UI_KEYS (file, field, reason) and the
// views read the result as `course.ui`, typed by `Ui` — so a key a view asks for
// and the file lacks fails the build, and a key the spec lacks fails the type check.
// UI_KEYS is build-time data: the bundle imports only the types and `fill`.

export const UI_KEYS = {
  nav: {
    skip: [],
    top: [],
    backToTop: [],
    breadcrumb: [],
    pager: [],
    measuresNav: [],
    measuresNavAt: ['position', 'total'],
    visited: [],
    visitedAfter: [],
    footer: ['title', 'version'],
    documentTitle: ['screen', 'title'],
  },
  progress: {
    label: [],
    bar: [],
    pages: [],
    quizzes: [],
    score: [],
    points: ['score'],
    passMark: ['passMark'],
    toPass: ['count'],
    passRule: ['need', 'total', 'passMark'],
  },
  status: {
    passed: [],
    completed: [],
    failed: [],
    incomplete: [],
  },
  menu: {
    statusTitle: [],
    passedNote: [],
    scoreBelow: ['passMark', 'score', 'toPass'],
    unread: ['count'],
    unreadMore: ['count'],
    improveLead: [],
    improveNotStarted: ['story'],
    improveInProgress: ['story', 'answered', 'total'],
    improveRetry: ['story', 'best', 'total'],
    certificate: [],
    overview: [],
    overviewContext: ['section'],
    headingName: ['title'],
    sectionPagesList: ['section'],
    learner: ['name'],
    sectionDone: [],
    sectionPages: ['done', 'total'],
    sectionQuizzes: ['answered', 'total'],
    checklistLink: ['answered', 'total'],
  },
  page: {
    refs: [],
    selfCheck: [],
    criteria: [],
    related: [],
    nextSection: ['title'],
  },
  story: {
    title: ['number', 'title'],
    cast: [],
    short: ['number'],
    quizzesHeading: [],
    notStarted: [],
    inProgress: ['answered', 'total'],
    best: ['best', 'total'],
    card: ['count', 'status'],
    start: [],
    resume: [],
    seeResult: [],
    list: [],
    next: ['number'],
    retryNote: ['attempt', 'best', 'total'],
  },
  quiz: {
    title: ['number', 'title'],
    position: ['story', 'position', 'total'],
    selectAll: [],
    submit: [],
    readOnly: [],
    correct: [],
    incorrect: [],
    verdictCorrect: [],
    verdictIncorrect: [],
    listCorrect: [],
    listIncorrect: [],
    unanswered: [],
    choiceNumber: ['number'],
    numberSeparator: [],
    key: ['numbers'],
    keyAll: ['numbers'],
    yours: ['numbers'],
    keyYoursSeparator: [],
    yourChoice: [],
    keyChoice: [],
    notKeyChoice: [],
    announce: ['verdict', 'key', 'yours'],
    explanation: [],
    choiceNotes: [],
    choiceNoteMark: ['mark'],
    choiceNoteMine: ['mark', 'yours'],
    next: [],
    /** the onward button when the next unanswered quiz comes earlier in the story */
    toUnanswered: ['number'],
    seeResult: [],
  },
  result: {
    title: ['story'],
    now: ['total', 'correct'],
    correctCount: ['count'],
    best: ['total', 'best', 'attempts'],
    note: [],
    notePassed: [],
    courseScore: ['score', 'passMark', 'toPass'],
    courseScorePassed: ['score', 'passMark'],
    unanswered: ['count'],
    pagesLeft: ['count'],
    pagesLeftLink: [],
    answerRest: [],
    retry: [],
  },
  /** the course's start, before the menu */
  welcome: {
    duration: [],
    durationValue: ['low', 'high'],
    durationNote: ['quizzes'],
    resumeNote: [],
    howToComplete: [],
    allPages: ['pages'],
    sectionPages: ['sections', 'pages'],
    sectionsSeparator: [],
    allChecklist: ['items'],
    goals: [],
    goalsLead: [],
    begin: [],
    resume: [],
    leftOff: ['place'],
    toMenu: [],
  },
  /** where the learner left off, as 「続きから」 names it */
  place: {
    menu: [],
    result: ['story'],
    checklist: [],
    checklistArea: ['area'],
    checklistResult: [],
  },
  completion: {
    title: [],
    lead: [],
    score: [],
    scoreValue: ['score', 'passMark'],
    date: [],
    nameInput: [],
    nameHint: [],
    nameNeeded: [],
    print: [],
    notYet: [],
    certificate: [],
    certificateBody: [],
    honorific: [],
    nameBlank: [],
    course: [],
    courseValue: ['title', 'version'],
  },
  checkForms: {
    quizTitle: [],
    quizText: ['stories', 'quizzes'],
    quizProgress: ['answered', 'total', 'score'],
    quizStart: [],
    checklistTitle: [],
    checklistText: ['areas', 'items'],
  },
  checklist: {
    title: [],
    intro: ['areas', 'items'],
    outro: [],
    authorship: [],
    reportTitle: [],
    reportPageHeader: ['title', 'company'],
    areas: [],
    complete: [],
    answered: ['answered', 'total'],
    start: [],
    resume: [],
    seeResult: [],
    backToList: [],
    tableScrollHint: [],
    refsSeparator: [],
    readPage: ['title'],
    areaPosition: ['position', 'total'],
    areaPager: [],
    chartTitle: [],
    chartLabel: ['title'],
    legend: [],
    legendFrom: ['rank', 'label', 'min'],
    legendBelow: ['rank', 'label', 'below'],
    legendBetween: ['rank', 'label', 'min', 'below'],
    tableCaption: [],
    area: [],
    rate: [],
    unanswered: [],
    overall: [],
    overallLevel: [],
    level: ['rank'],
    levelPercent: ['percent'],
    levelBasis: ['answered', 'total'],
    weakest: [],
    openItems: [],
    noOpenItems: [],
    allComplete: [],
    noScore: [],
    date: [],
    dateValue: ['year', 'month', 'day'],
    answeredTerm: [],
    company: [],
    companyInput: [],
    print: [],
    pending: ['count'],
    pendingAll: [],
    method: [],
  },
  answers: {
    done: [],
    partial: [],
    not: [],
    na: [],
  },
  /** after each answer's name on the checklist's first screen */
  answerHints: {
    done: [],
    partial: [],
    not: [],
    na: [],
  },
  /** the answers to the unclaimed work's notice, and when that work was saved */
  claim: {
    take: [],
    drop: [],
    savedAt: ['month', 'day', 'hours', 'minutes'],
    savedAtUnknown: [],
  },
  notices: {
    close: [],
    'state-reset': [],
    review: [],
    browse: [],
    passed: [],
    unclaimed: ['when', 'pages', 'quizzes'],
    standalone: [],
    'storage-failed': [],
    'storage-unavailable': [],
    'lms-save': [],
    'lms-unavailable': [],
    'other-tab': [],
    'time-limit': [],
    'time-out': [],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

/**
 * The words the views show as running text (notes, notices, leads, the
 * sentences of the status and the results), as against labels: the page gets
 * them with a mark between their phrases, as the course's own prose
 * (scripts/content/phrases.ts), and the views draw them through `phrased`. No
 * browser then breaks a line inside a word or leaves 「す。」 alone on the last
 * line; before, only Chromium's own phrase breaking kept them whole.
 */
export const PROSE = {
  menu: ['passedNote', 'scoreBelow', 'unread', 'unreadMore', 'improveInProgress', 'improveRetry'],
  story: ['retryNote'],
  result: ['now', 'unanswered', 'best', 'note', 'notePassed', 'courseScore', 'courseScorePassed', 'pagesLeft'],
  welcome: ['durationNote', 'resumeNote', 'goalsLead'],
  completion: ['lead', 'nameHint', 'notYet', 'certificateBody'],
  checkForms: ['quizText', 'checklistText'],
  checklist: ['intro', 'outro', 'authorship', 'tableScrollHint', 'levelBasis', 'pending', 'pendingAll', 'method', 'noScore', 'allComplete', 'noOpenItems'],
  answerHints: ['done', 'partial', 'not', 'na'],
  notices: ['state-reset', 'review', 'browse', 'passed', 'standalone', 'storage-failed', 'storage-unavailable', 'lms-save', 'time-limit', 'time-out', 'other-tab', 'lms-unavailable', 'unclaimed'],
} as const satisfies { readonly [G in keyof typeof UI_KEYS]?: readonly (keyof (typeof UI_KEYS)[G])[] };

/** each PROSE key as [group, key]; `wordsAt` reads the words a catalogue holds at one */
export const proseKeys = (): Array<readonly [string, string]> => Object.entries(PROSE).flatMap(([group, keys]) => keys.map((key) => [group, key] as const));
export const wordsAt = (ui: Ui, [group, key]: readonly [string, string]): string => (ui as unknown as Record<string, Record<string, string>>)[group][key];

type Spec = typeof UI_KEYS;

declare const params: unique symbol;
/** A string with {placeholders}; only `fill` turns it into words. */
export type Template<P extends string> = string & { readonly [params]: P };

export type Ui = {
  readonly [G in keyof Spec]: {
    readonly [K in keyof Spec[G]]: Spec[G][K] extends readonly [] ? string : Template<Spec[G][K] extends readonly (infer P extends string)[] ? P : never>;
  };
};

/** What the tracker and the store may tell the learner; the view finds the words in `ui.notices`. */
export type NoticeId = Exclude<keyof Spec['notices'], 'close'>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The template with each {name} replaced by its value. */
export function fill<P extends string>(template: Template<P>, values: Readonly<Record<P, string | number>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => String(values[name as P]));
}

/** Like `fill`, but values may be elements: the pieces in order, for a view to render. */
export function fillParts<P extends string, T>(template: Template<P>, values: Readonly<Record<P, T>>): Array<string | T> {
  return template.split(PLACEHOLDER).map((piece, i) => (i % 2 === 1 ? values[piece as P] : piece));
}

/** The placeholders a template uses, for the compiler's check. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}
