declare module 'virtual:course' {
  import type { Course } from './content/types.ts';
  const course: Course;
  export default course;
}
