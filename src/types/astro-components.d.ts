// Plain TypeScript (ESLint's type information, tsc) cannot read .astro files; `astro check` can and
// resolves them to the real component instead of this declaration.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
