declare module 'hbs' {
  import type Handlebars from 'handlebars';
  interface HbsInstance {
    handlebars: typeof Handlebars;
    __express(filename: string, options: object, callback: (error: Error | null, html?: string) => void): void;
    registerHelper: (typeof Handlebars)['registerHelper'];
    registerPartial(name: string, template: string): void;
  }
  const hbs: HbsInstance & { create(handlebars?: typeof Handlebars): HbsInstance };
  export default hbs;
}
