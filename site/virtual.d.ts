// The organisation's settings, made a module by the klachtenregister integration (site/integration.ts).
declare module 'virtual:klachtenregister/brand' {
  // An ambient module cannot import a relative path; the type comes in through import().
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const brand: import('./lib/brand.ts').Brand;
  export default brand;
}
