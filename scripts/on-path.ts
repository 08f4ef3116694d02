// Whether a command the tools call out to is installed, asked before the work
// that needs it starts, so that its absence is named rather than thrown as a
// spawn error halfway.
import { spawnSync } from 'node:child_process';

export const onPath = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
