/**
 * The two columns of a comparison as HTML, made the same way at build time (CompareColumns.astro)
 * and in the browser (<compare-view>). Every word is escaped: this is testimony, shown as text.
 */
import { escapeHtml } from '../lib/html.ts';
import type { ParagraphPair, Run } from './compare.ts';

function runsHtml(runs: readonly Run[]): string {
  return runs
    .map((run) =>
      run.change === 'same'
        ? escapeHtml(run.text)
        : `<${run.change === 'added' ? 'ins' : 'del'}>${escapeHtml(run.text)}</${run.change === 'added' ? 'ins' : 'del'}>`,
    )
    .join('');
}

function cell(side: ParagraphPair['older']): string {
  return side ? `<td><span class="n">para. ${side.n}</span>${runsHtml(side.runs)}</td>` : '<td><span class="n">no paragraph</span></td>';
}

export function columnsHtml(pairs: readonly ParagraphPair[], older: string, newer: string): string {
  const rows = pairs.map((pair) => `<tr>${cell(pair.older)}${cell(pair.newer)}</tr>`).join('');
  return `<table><thead><tr><th scope="col">${escapeHtml(older)}</th><th scope="col">${escapeHtml(newer)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}
