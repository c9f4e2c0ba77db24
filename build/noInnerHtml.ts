// Preact's one HTML sink is `dom.innerHTML = props.dangerouslySetInnerHTML.__html`. The extension
// never renders markup (cookie data is text, and ESLint refuses `dangerouslySetInnerHTML` in our
// source), so the bundled sink is replaced by a throw: the shipped code has no innerHTML assignment
// at all (web-ext lint's UNSAFE_VAR_ASSIGNMENT reads the bundle, as store reviewers do), and a
// future use fails at once instead of injecting markup. If a Preact upgrade changes the shape of
// that line, the build stops here rather than shipping the sink.
import type { Plugin } from 'vite';

const PREACT_BUNDLE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
/** `t.innerHTML=h.__html` in Preact's minified diff (the only assignment to innerHTML in it). */
const SINK = /\b[\w$]+\.innerHTML=[\w$]+\.__html\b/g;
const REFUSAL = '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Cookie Jar Inspector: render text, never markup")})()';

/** Preact's bundle with its innerHTML sink replaced; throws if the sink is not found exactly once. */
export function removeInnerHtmlSink(code: string): string {
  const found = code.match(SINK)?.length ?? 0;
  if (found !== 1) {
    throw new Error(`Expected exactly one innerHTML sink in Preact's bundle, found ${found}: update build/noInnerHtml.ts for this Preact version.`);
  }
  if (/\.innerHTML\s*=[^=]/.test(code.replace(SINK, ''))) throw new Error('Preact\'s bundle assigns innerHTML somewhere else too: update build/noInnerHtml.ts.');
  return code.replace(SINK, REFUSAL);
}

export function noInnerHtml(): Plugin {
  return {
    name: 'cji:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_BUNDLE.test(id.split('?')[0] ?? id)) return null;
      return { code: removeInnerHtmlSink(code), map: null };
    },
  };
}
