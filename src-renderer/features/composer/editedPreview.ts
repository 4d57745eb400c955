/**
 * One paragraph of the agent-language preview: the translation of a paragraph the agent left as the
 * canned reply wrote it, or the agent's own words, which no translation covers.
 */
export type PreviewPart = { kind: 'translated'; text: string } | { kind: 'edited'; text: string };

export type EditedPreview = {
  parts: PreviewPart[];
  /** The agent changed or added something, so part of the text has no translation. */
  isEdited: boolean;
  /** Nothing of the canned reply is left: the text is the agent's own. */
  isUnrelated: boolean;
};

export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/** Pairs of indexes (original, edited) of the longest common subsequence of equal paragraphs. */
function commonParagraphs(original: readonly string[], edited: readonly string[]): Map<number, number> {
  const rows = original.length;
  const columns = edited.length;
  // lengths[i * (columns + 1) + j]: the common length of original[i..] and edited[j..].
  const lengths = new Int32Array((rows + 1) * (columns + 1));
  const at = (i: number, j: number): number => lengths[i * (columns + 1) + j] ?? 0;
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lengths[i * (columns + 1) + j] =
        original[i] === edited[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs = new Map<number, number>();
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (original[i] === edited[j]) {
      pairs.set(j, i);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}

/** Paragraphs of the canned reply that translate together, and their translation. */
type Unit = { paragraphs: number[]; translation: string };

/**
 * Both renderings share their layout (salutation, body, sign-off) but a language may break its body into
 * more paragraphs: then salutation and sign-off still pair one to one and the body pairs as one block.
 */
function unitsOf(original: readonly string[], translated: readonly string[]): Unit[] {
  if (original.length === translated.length)
    return original.map((_, index) => ({ paragraphs: [index], translation: translated[index] ?? '' }));
  if (original.length < 3 || translated.length < 3) return [];
  const last = original.length - 1;
  return [
    { paragraphs: [0], translation: translated[0] ?? '' },
    {
      paragraphs: Array.from({ length: last - 1 }, (_, index) => index + 1),
      translation: translated.slice(1, -1).join('\n\n'),
    },
    { paragraphs: [last], translation: translated.at(-1) ?? '' },
  ];
}

/**
 * What the text being sent says in the agent's language. Paragraphs still as the canned reply rendered
 * them show that reply's translation; every other paragraph is shown as written and marked, so the pane
 * never glosses text that is not being sent. A body block that translates only as a whole is translated
 * only while it is whole and unbroken.
 */
export function editedPreview(rendered: { customer: string; agent: string }, edited: string): EditedPreview {
  const original = paragraphsOf(rendered.customer);
  const current = paragraphsOf(edited);
  const pairs = commonParagraphs(original, current);
  const editedAt = new Map([...pairs].map(([at, source]) => [source, at]));
  // Where each intact unit starts in the edited text; its other paragraphs are covered by its translation.
  const unitStarts = new Map<number, Unit>();
  const covered = new Set<number>();
  for (const unit of unitsOf(original, paragraphsOf(rendered.agent))) {
    const positions = unit.paragraphs.map((source) => editedAt.get(source));
    const first = positions[0];
    const isIntact =
      first !== undefined &&
      positions.every((position, offset) => position !== undefined && position === first + offset);
    if (!isIntact) continue;
    unitStarts.set(first, unit);
    for (const position of positions) if (position !== undefined) covered.add(position);
  }
  const parts = current.flatMap((text, index): PreviewPart[] => {
    const unit = unitStarts.get(index);
    if (unit !== undefined) return [{ kind: 'translated', text: unit.translation }];
    return covered.has(index) ? [] : [{ kind: 'edited', text }];
  });
  const isEdited = parts.some((part) => part.kind === 'edited') || pairs.size < original.length;
  return { parts, isEdited, isUnrelated: pairs.size === 0 };
}
