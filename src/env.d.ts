declare module 'virtual:course' {
  const course: import('./content/types.ts').Course;
  export default course;
}
