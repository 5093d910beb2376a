// How `make screenshots` shoots the page: animations stopped (the busy button's spinner
// would otherwise be caught at another angle each run) and no text caret, so an unchanged
// page gives unchanged files.
export const SCREENSHOT = { animations: 'disabled', caret: 'hide' } as const;
