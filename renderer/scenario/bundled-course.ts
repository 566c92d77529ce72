/**
 * The course bundled with the app: every scenarios/**.yaml imported as text at build time (Vite
 * inlines them, so the app needs no file access and works offline), loaded once on first use.
 */
import { buildCourse, loadCourseItems, type Course } from './course-catalog';

const BUNDLED_FILES = import.meta.glob<string>('../../scenarios/**/*.yaml', { query: '?raw', import: 'default', eager: true });

let course: Course | undefined;

export function bundledCourse(): Course {
  course ??= buildCourse(loadCourseItems(BUNDLED_FILES));
  return course;
}
