/**
 * Puts a block of text at the cursor of a text box, replacing only the selection, set apart from the
 * text around it by a blank line, and returns the box's new value. Through the browser's own editing
 * command the insertion lands on its undo stack, so Ctrl+Z restores what the agent had typed; where that
 * command is missing the value is spliced by hand (no undo then).
 */
export function insertAtCursor(box: HTMLTextAreaElement, block: string): string {
  const start = box.selectionStart;
  const end = box.selectionEnd;
  const before = box.value.slice(0, start);
  const after = box.value.slice(end);
  const text = `${before.trim() === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n'}${block}${
    after.trim() === '' ? '' : '\n\n'
  }`;
  box.focus();
  box.setSelectionRange(start, end);
  // execCommand is deprecated but remains the only way to edit a text box and keep its undo history.
  const isInserted = typeof document.execCommand === 'function' && document.execCommand('insertText', false, text);
  return isInserted ? box.value : `${before}${text}${after}`;
}
