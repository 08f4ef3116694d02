// Finding the LMS's API object the way the SCORM specs describe it: this
// window, then up the parent chain, then the same walk from the opener (a
// course launched in a pop-up). Every hop is guarded: touching a cross-origin
// frame throws, and such a frame cannot be the LMS's API anyway.

function lookup(win: Window, name: string): object | undefined {
  try {
    const api = (win as unknown as Record<string, unknown>)[name];
    return api !== null && typeof api === 'object' ? api : undefined;
  } catch {
    return undefined;
  }
}

function parentOf(win: Window): Window | undefined {
  try {
    const parent = win.parent;
    return parent && parent !== win ? parent : undefined;
  } catch {
    return undefined;
  }
}

function openerOf(win: Window): Window | undefined {
  try {
    return win.opener ?? undefined;
  } catch {
    return undefined;
  }
}

function walkUp(start: Window, name: string, maxHops: number): object | undefined {
  let win: Window | undefined = start;
  for (let hops = 0; win && hops <= maxHops; hops++) {
    const api = lookup(win, name);
    if (api) return api;
    win = parentOf(win);
  }
  return undefined;
}

export function findApi(start: Window, name: string, maxHops: number): object | undefined {
  const found = walkUp(start, name, maxHops);
  if (found) return found;
  // the top of this window's own chain may have been opened by the LMS
  let top: Window = start;
  for (let hops = 0, up = parentOf(top); up && hops < maxHops; hops++, up = parentOf(top)) top = up;
  const opener = openerOf(top) ?? openerOf(start);
  return opener ? walkUp(opener, name, maxHops) : undefined;
}
