/* test-file.c — exports are written privately, completely or not at all,
 * and never through a planted link
 *
 * The safe file itself, then every export that uses it: the committee
 * report (PDF, CSV, Excel) and the timeline (PNG, PDF).  A full disk is
 * a file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored): each Check
 * test runs in its own child process, so the limit ends with the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pathways-report.h"
#include "pathways-timeline-render.h"
#include "test-util.h"

static char *dir;

static void
setup (void)
{
  dir = test_make_dir ();
}

static void
teardown (void)
{
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static char *
in_dir (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names in the folder, sorted, space-separated: what is left behind */
static char *
listing (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static int
mode_of (const char *path)
{
  GStatBuf st;

  ck_assert_int_eq (g_lstat (path, &st), 0);
  return st.st_mode & 07777;
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  ck_assert (g_file_set_contents (path, contents, -1, NULL));
  ck_assert_int_eq (g_chmod (path, mode), 0);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;

  ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
  ck_assert_str_eq (contents, expected);
}

/* A "disk" with room for 512 bytes a file: less than any export */
static void
limit_file_size (void)
{
  struct rlimit limit;

  signal (SIGXFSZ, SIG_IGN);
  ck_assert_int_eq (getrlimit (RLIMIT_FSIZE, &limit), 0);
  limit.rlim_cur = 512;
  ck_assert_int_eq (setrlimit (RLIMIT_FSIZE, &limit), 0);
}

static void
unlimit_file_size (void)
{
  struct rlimit limit;

  ck_assert_int_eq (getrlimit (RLIMIT_FSIZE, &limit), 0);
  limit.rlim_cur = limit.rlim_max;
  ck_assert_int_eq (setrlimit (RLIMIT_FSIZE, &limit), 0);
}

/* The safe file --------------------------------------------------------- */

/* 0600 from the moment it exists, whatever the umask, and after */
START_TEST (test_private_while_written_and_after)
{
  g_autofree char *path = in_dir ("export.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysSafeFile) file = NULL;
  g_autofree char *temp_dir = NULL;
  mode_t old_umask = umask (0);

  file = pathways_safe_file_new (path, &error);
  ck_assert_no_error (error);
  /* Beside the target, not yet in its place */
  temp_dir = g_path_get_dirname (pathways_safe_file_get_temp_path (file));
  ck_assert_str_eq (temp_dir, dir);
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (mode_of (pathways_safe_file_get_temp_path (file)), 0600);
  ck_assert (pathways_safe_file_write (file, "a,b\r\n", 5, &error));
  ck_assert_int_eq (mode_of (pathways_safe_file_get_temp_path (file)), 0600);
  ck_assert (pathways_safe_file_commit (file, &error));
  ck_assert_no_error (error);
  umask (old_umask);

  ck_assert_int_eq (mode_of (path), 0600);
  assert_contents (path, "a,b\r\n");
  {
    g_autofree char *left = listing ();
    ck_assert_str_eq (left, "export.csv");
  }
}
END_TEST

/* An existing file is replaced, not written into or chmod-ed: another
 * name for it (a hard link) keeps the old contents and mode */
START_TEST (test_replaces_without_touching_the_old_file)
{
  g_autofree char *path = in_dir ("report.csv");
  g_autofree char *other = in_dir ("other-name.csv");
  g_autoptr(GError) error = NULL;

  write_file (path, "old", 0644);
  ck_assert_int_eq (link (path, other), 0);
  ck_assert (pathways_file_set_contents (path, "new", 3, &error));
  ck_assert_no_error (error);
  assert_contents (path, "new");
  ck_assert_int_eq (mode_of (path), 0600);
  assert_contents (other, "old");
  ck_assert_int_eq (mode_of (other), 0644);
}
END_TEST

/* A link planted at the target is not followed: what it points at is
 * untouched, and nothing is left behind */
START_TEST (test_planted_symlink_is_refused)
{
  g_autofree char *path = in_dir ("report.pdf");
  g_autofree char *victim = in_dir ("victim.txt");
  g_autofree char *dangling = in_dir ("dangling.pdf");
  g_autofree char *nowhere = in_dir ("nowhere.txt");
  g_autoptr(GError) error = NULL;

  write_file (victim, "precious", 0644);
  ck_assert_int_eq (symlink (victim, path), 0);
  ck_assert (!pathways_file_set_contents (path, "evil", 4, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE));
  ck_assert_str_eq (error->message,
                    "“report.pdf” is a symbolic link: Pathways does not write through links, so choose another name");
  g_clear_error (&error);
  assert_contents (victim, "precious");
  ck_assert_int_eq (mode_of (victim), 0644);
  ck_assert (g_file_test (path, G_FILE_TEST_IS_SYMLINK));

  /* A link to nothing yet: nothing is created where it points */
  ck_assert_int_eq (symlink (nowhere, dangling), 0);
  ck_assert (!pathways_file_set_contents (dangling, "evil", 4, &error));
  g_clear_error (&error);
  ck_assert (!g_file_test (nowhere, G_FILE_TEST_EXISTS));

  {
    g_autofree char *left = listing ();
    ck_assert_str_eq (left, "dangling.pdf report.pdf victim.txt");
  }
}
END_TEST

/* A link planted while the file is being written: refused at the commit */
START_TEST (test_symlink_planted_while_writing)
{
  g_autofree char *path = in_dir ("report.csv");
  g_autofree char *victim = in_dir ("victim.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysSafeFile) file = NULL;

  write_file (victim, "precious", 0644);
  file = pathways_safe_file_new (path, &error);
  ck_assert_no_error (error);
  ck_assert (pathways_safe_file_write (file, "evil", 4, &error));
  ck_assert_int_eq (symlink (victim, path), 0);
  ck_assert (!pathways_safe_file_commit (file, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE));
  g_clear_pointer (&file, pathways_safe_file_free);
  assert_contents (victim, "precious");
  {
    g_autofree char *left = listing ();
    ck_assert_str_eq (left, "report.csv victim.txt");
  }
}
END_TEST

/* A full disk: an error that says so, the old file as it was, nothing beside it */
START_TEST (test_full_disk_leaves_nothing_behind)
{
  g_autofree char *path = in_dir ("report.csv");
  g_autofree char *fresh = in_dir ("fresh.csv");
  g_autofree char *big = g_strnfill (4096, 'x');
  g_autoptr(GError) error = NULL;

  write_file (path, "old", 0600);
  limit_file_size ();
  ck_assert (!pathways_file_set_contents (path, big, strlen (big), &error));
  ck_assert (strstr (error->message, "Could not write “report.csv”: ") == error->message);
  g_clear_error (&error);
  ck_assert (!pathways_file_set_contents (fresh, big, strlen (big), &error));
  unlimit_file_size ();

  assert_contents (path, "old");
  {
    g_autofree char *left = listing ();
    ck_assert_str_eq (left, "report.csv");
  }
}
END_TEST

START_TEST (test_folders_and_missing_folders)
{
  g_autofree char *sub = in_dir ("a-folder");
  g_autofree char *missing = in_dir ("no-such-folder/report.csv");
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (g_mkdir (sub, 0700), 0);
  ck_assert (!pathways_file_set_contents (sub, "x", 1, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY));
  g_clear_error (&error);
  ck_assert (!pathways_file_set_contents (missing, "x", 1, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  {
    g_autofree char *left = listing ();
    ck_assert_str_eq (left, "a-folder");
  }
}
END_TEST

/* The exports ----------------------------------------------------------- */

static PathwaysStore *store;
static PathwaysSufficiency *sufficiency;

static void
export_setup (void)
{
  g_autoptr(GError) error = NULL;

  setup ();
  store = test_open_store (dir, "demo.db");
  ck_assert (pathways_generate (store, PATHWAYS_GENERATE_DEMO, 2026, TEST_TODAY, NULL, &error));
  sufficiency = pathways_sufficiency_compute (store, TEST_TODAY, &error);
  ck_assert_no_error (error);
}

static void
export_teardown (void)
{
  g_clear_pointer (&sufficiency, pathways_sufficiency_free);
  g_clear_object (&store);
  teardown ();
}

#define store_files "demo.db demo.db-shm demo.db-wal"

static const char *
report_name (int format)
{
  return format == PATHWAYS_REPORT_PDF ? "report.pdf" : format == PATHWAYS_REPORT_CSV ? "report.csv" : "report.xlsx";
}

START_TEST (test_report_private)
{
  g_autofree char *path = in_dir (report_name (_i));
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);

  ck_assert (pathways_report_write (sufficiency, (PathwaysReportFormat) _i, path, &error));
  umask (old_umask);
  ck_assert_no_error (error);
  ck_assert_int_eq (mode_of (path), 0600);
  {
    g_autofree char *left = listing ();
    g_autofree char *expected = g_strdup_printf ("%s %s", store_files, report_name (_i));
    ck_assert_str_eq (left, expected);
  }
}
END_TEST

START_TEST (test_report_refuses_symlink)
{
  g_autofree char *path = in_dir (report_name (_i));
  g_autofree char *victim = in_dir ("victim.txt");
  g_autoptr(GError) error = NULL;

  write_file (victim, "precious", 0644);
  ck_assert_int_eq (symlink (victim, path), 0);
  ck_assert (!pathways_report_write (sufficiency, (PathwaysReportFormat) _i, path, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE));
  assert_contents (victim, "precious");
  ck_assert_int_eq (mode_of (victim), 0644);
  ck_assert (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
}
END_TEST

START_TEST (test_report_full_disk)
{
  g_autofree char *path = in_dir (report_name (_i));
  g_autoptr(GError) error = NULL;

  write_file (path, "last week's report", 0600);
  limit_file_size ();
  ck_assert (!pathways_report_write (sufficiency, (PathwaysReportFormat) _i, path, &error));
  unlimit_file_size ();
  ck_assert_ptr_nonnull (error);
  assert_contents (path, "last week's report");
  {
    g_autofree char *left = listing ();
    g_autofree char *expected = g_strdup_printf ("%s %s", store_files, report_name (_i));
    ck_assert_str_eq (left, expected);
  }
}
END_TEST

/* The timeline's PNG and PDF */
static gboolean
export_timeline (gboolean     pdf,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(PathwaysTimeline) timeline = pathways_timeline_load (store, TEST_TODAY, NULL);
  g_autoptr(GArray) lines = pathways_timeline_layout (timeline, NULL, PATHWAYS_TIMELINE_GROUP_NONE, NULL);
  PathwaysTimelineFrame frame;

  pathways_timeline_frame_init (&frame, timeline, 900, 600);
  if (pdf)
    return pathways_timeline_export_pdf (&frame, lines, "Timeline", NULL, path, error);
  return pathways_timeline_export_png (&frame, lines, 1.0, path, error);
}

START_TEST (test_timeline_exports)
{
  for (int pdf = 0; pdf <= 1; pdf++)
    {
      g_autofree char *path = in_dir (pdf ? "timeline.pdf" : "timeline.png");
      g_autofree char *victim = in_dir ("victim.txt");
      g_autoptr(GError) error = NULL;
      mode_t old_umask = umask (0);

      /* Private */
      ck_assert (export_timeline (pdf, path, &error));
      umask (old_umask);
      ck_assert_no_error (error);
      ck_assert_int_eq (mode_of (path), 0600);

      /* A full disk: the last export is still there, and nothing else */
      limit_file_size ();
      ck_assert (!export_timeline (pdf, path, &error));
      unlimit_file_size ();
      ck_assert_ptr_nonnull (error);
      g_clear_error (&error);
      ck_assert_int_eq (mode_of (path), 0600);

      /* A planted link */
      write_file (victim, "precious", 0644);
      g_unlink (path);
      ck_assert_int_eq (symlink (victim, path), 0);
      ck_assert (!export_timeline (pdf, path, &error));
      ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE));
      assert_contents (victim, "precious");
      ck_assert_int_eq (mode_of (victim), 0644);
      g_unlink (path);
      g_unlink (victim);
      {
        g_autofree char *left = listing ();
        ck_assert_str_eq (left, store_files);
      }
    }
}
END_TEST

static Suite *
file_suite (void)
{
  Suite *s = suite_create ("file");
  TCase *safe = tcase_create ("safe-file");
  TCase *exports = tcase_create ("exports");

  tcase_add_checked_fixture (safe, setup, teardown);
  tcase_add_test (safe, test_private_while_written_and_after);
  tcase_add_test (safe, test_replaces_without_touching_the_old_file);
  tcase_add_test (safe, test_planted_symlink_is_refused);
  tcase_add_test (safe, test_symlink_planted_while_writing);
  tcase_add_test (safe, test_full_disk_leaves_nothing_behind);
  tcase_add_test (safe, test_folders_and_missing_folders);
  suite_add_tcase (s, safe);

  tcase_set_timeout (exports, 60);
  tcase_add_checked_fixture (exports, export_setup, export_teardown);
  tcase_add_loop_test (exports, test_report_private, PATHWAYS_REPORT_PDF, PATHWAYS_REPORT_XLSX + 1);
  tcase_add_loop_test (exports, test_report_refuses_symlink, PATHWAYS_REPORT_PDF, PATHWAYS_REPORT_XLSX + 1);
  tcase_add_loop_test (exports, test_report_full_disk, PATHWAYS_REPORT_PDF, PATHWAYS_REPORT_XLSX + 1);
  tcase_add_test (exports, test_timeline_exports);
  suite_add_tcase (s, exports);
  return s;
}

int
main (void)
{
  return test_run_suite (file_suite ());
}
