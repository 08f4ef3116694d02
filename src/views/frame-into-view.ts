// An LMS's player shows the course in a frame below its own header: Moodle's,
// on a 740 px phone, starts the frame at about y 330, and a finger on the
// course scrolls the frame, not the page, so the course would be read in the
// screen's lower half. On a phone-sized frame the launch scrolls the player's
// page to the frame's top, below a bar the LMS keeps atop the screen (Moodle's,
// 60 px, would hide the course's own header); the rest of the LMS's header is
// one swipe up, as on any page. A player on another origin is not ours to
// scroll: its frameElement is null.

/** the phone layout's breakpoint in the stylesheets */
const PHONE = '(max-width: 40rem)';

export function frameIntoView(win: Window = window): void {
  const frame = win.frameElement;
  if (!frame || !win.matchMedia(PHONE).matches) return;
  const page = frame.ownerDocument.defaultView!;
  frame.scrollIntoView();
  for (let e = frame.ownerDocument.elementFromPoint(frame.getBoundingClientRect().left + 1, 1); e && !e.contains(frame); e = e.parentElement)
    if (/fixed|sticky/.test(page.getComputedStyle(e).position)) return page.scrollBy(0, -e.getBoundingClientRect().bottom);
}
