import { useEffect } from 'preact/hooks';
import type { Course } from '../content/types.ts';
import { fill } from '../content/ui.ts';

/**
 * Names the document after the screen, 「修了証｜<course>」: the browser's tab
 * and history list say where each entry leads, and a printed screen's header
 * and a saved PDF's suggested name say what was printed (inside an LMS's frame
 * Firefox names the PDF after the frame, Chromium after the LMS's page).
 * The welcome screen is the course itself: its title alone.
 */
export function useScreenTitle(course: Course, screen?: string): void {
  useEffect(() => {
    document.title = screen ? fill(course.ui.nav.documentTitle, { screen, title: course.meta.title }) : course.meta.title;
  }, [course, screen]);
}
