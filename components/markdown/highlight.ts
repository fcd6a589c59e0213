import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { common, createLowlight } from 'lowlight';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';

// highlight.js grammars through lowlight, which returns a syntax tree rather than HTML:
// the tree becomes React elements, so no HTML string is ever inserted.
const lowlight = createLowlight(common);

export function highlightToReact(code: string, language: string | undefined): ReactNode {
  const tree = language && lowlight.registered(language) ? lowlight.highlight(language, code) : lowlight.highlightAuto(code);
  return toJsxRuntime(tree, { Fragment, jsx, jsxs });
}
