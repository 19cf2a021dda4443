/* test-crash.c — kill -9 a writer at random moments: nothing acknowledged
 * is lost, nothing is torn
 *
 * A writer process opens the store and commits small user actions
 * through the public API — each one a staff member and a young person
 * whose adviser they are, in one transaction — writing the number of
 * each action to a pipe once pathways_store_commit() has returned.  The
 * test kills it with SIGKILL after a random while (a fixed seed; one in
 * five at any moment from its start, during opening too), 50 times, then
 * reopens the database with the store and checks that every acknowledged
 * action is there whole, and that no action is there by halves.
 *
 * Then the file passes SQLite's full integrity check and the audit
 * chain verifies from its first row to its last: no kill tore it.
 *
 * And an import of a whole SSDA903 return into a database that did not
 * exist (written with a rollback journal until that first commit), killed
 * at random moments: reopened, the database holds the whole import or
 * none of it, never part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"
#include "pathways-903-import.h"
#include "pathways-903-plan.h"
#include "pathways-903-synthetic.h"

#define N_KILLS        50
#define SEED           20261122
#define MAX_DELAY_US   60000  /* synchronous=FULL: a commit waits for the disk */

/* The child: commit action after action, acknowledging each */
G_GNUC_NORETURN static void
writer (const char *path,
        guint       round,
        int         ack_fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autoptr(PathwaysStore) store = pathways_store_open (path, clock, &error);

  if (store == NULL)
    {
      fprintf (stderr, "writer %u: %s\n", round, error->message);
      _exit (3);
    }
  for (guint32 n = 1;; n++)
    {
      g_autofree char *name = g_strdup_printf ("Writer %u-%u", round, n);
      g_autofree char *local_id = g_strdup_printf ("K%u-%u", round, n);
      g_autoptr(PathwaysStaff) pa = pathways_staff_new (name, "pa", "Crash");
      g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);
      guint64 ack = ((guint64) round << 32) | n;

      if (!pathways_store_begin (store, &error) ||
          !pathways_store_insert (store, PATHWAYS_RECORD (pa), &error))
        break;
      g_object_set (yp, "pa-id", pathways_record_get_id (PATHWAYS_RECORD (pa)), NULL);
      if (!pathways_store_insert (store, PATHWAYS_RECORD (yp), &error) ||
          !pathways_store_commit (store, &error))
        break;
      /* Acknowledged: the user has been told it is saved */
      if (write (ack_fd, &ack, sizeof ack) != sizeof ack)
        _exit (4);
    }
  fprintf (stderr, "writer %u: %s\n", round, error ? error->message : "?");
  _exit (3);
}

/* Forks with a pipe from the child: 0 in the child, which writes to
 * @fds[1]; the child's pid in the parent, which reads @fds[0] */
static pid_t
fork_with_pipe (int fds[2])
{
  pid_t pid;

  ck_assert_int_eq (pipe (fds), 0);
  fflush (NULL);
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  close (fds[pid == 0 ? 0 : 1]);
  return pid;
}

/* Reads the acknowledgements in the pipe until @deadline (µs, monotonic),
 * or until it is closed when @deadline is 0; with @enough > 0, stops
 * after that many */
static void
read_acks (int         fd,
           gint64      deadline,
           GHashTable *acked,
           guint       enough)
{
  for (guint got = 0; enough == 0 || got < enough; got++)
    {
      struct pollfd p = { fd, POLLIN, 0 };
      int timeout_ms = 0;
      guint64 ack;
      ssize_t n;

      if (deadline > 0)
        {
          gint64 left = deadline - g_get_monotonic_time ();
          if (left <= 0)
            return;
          timeout_ms = (int) MAX (1, left / 1000);
        }
      else
        timeout_ms = 5000;
      if (poll (&p, 1, timeout_ms) <= 0)
        return;
      n = read (fd, &ack, sizeof ack);
      if (n == 0)
        return;  /* the writer is gone and the pipe empty */
      if (n < 0 && errno == EINTR)
        continue;
      ck_assert_int_eq (n, sizeof ack);
      g_hash_table_add (acked, g_memdup2 (&ack, sizeof ack));
    }
}

START_TEST (test_kill_nine_loses_nothing_acknowledged)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GHashTable) acked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) staff_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autoptr(PathwaysStore) store = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GListModel) people = NULL;
  guint killed_mid_stream = 0;
  GHashTableIter iter;
  gpointer key;

  for (guint round = 1; round <= N_KILLS; round++)
    {
      int fds[2];
      pid_t pid;
      int status = 0;
      guint before = g_hash_table_size (acked);

      if ((pid = fork_with_pipe (fds)) == 0)
        writer (path, round, fds[1]);

      /* One writer in five is killed at any moment from its start (opening
       * the store, perhaps creating it); the others once they have
       * committed, a random while into their stream of commits */
      if (g_rand_int_range (rand, 0, 5) != 0)
        {
          read_acks (fds[0], g_get_monotonic_time () + 10 * G_USEC_PER_SEC, acked, 1);
          ck_assert_msg (g_hash_table_size (acked) > before, "writer %u committed nothing in 10 s", round);
        }
      read_acks (fds[0], g_get_monotonic_time () + g_rand_int_range (rand, 0, MAX_DELAY_US), acked, 0);
      ck_assert_int_eq (kill (pid, SIGKILL), 0);
      ck_assert_int_eq (waitpid (pid, &status, 0), pid);
      ck_assert_msg (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL,
                     "the writer stopped by itself in round %u (status %d): see its message above", round, status);
      /* Acknowledgements written before the kill are still in the pipe */
      read_acks (fds[0], 0, acked, 0);
      close (fds[0]);
      killed_mid_stream += g_hash_table_size (acked) > before;
    }
  /* Most writers were killed while they committed */
  ck_assert_uint_gt (killed_mid_stream, N_KILLS / 2);
  ck_assert_uint_gt (g_hash_table_size (acked), 100);

  /* Reopened, the database holds every acknowledged action, whole */
  store = pathways_store_open (path, clock, &error);
  ck_assert_no_error (error);
  /* A writer killed between its commit and noting the log's end leaves
   * the anchor behind: never taken for tampering */
  ck_assert_msg (pathways_store_get_read_only_reason (store) == NULL, "%s",
                 pathways_store_get_read_only_reason (store));
  staff = pathways_store_list (store, PATHWAYS_TYPE_STAFF, &error);
  ck_assert_no_error (error);
  people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_STAFF, NULL), g_list_model_get_n_items (staff));
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL),
                    g_list_model_get_n_items (people));

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(PathwaysRecord) s = g_list_model_get_item (staff, i);
      gint64 *id = g_new (gint64, 1);

      *id = pathways_record_get_id (s);
      ck_assert_str_eq (pathways_record_get_string (s, "role"), "pa");
      ck_assert_str_eq (pathways_record_get_string (s, "team"), "Crash");
      ck_assert_msg (g_hash_table_insert (staff_ids, g_strdup (pathways_record_get_string (s, "name")), id),
                     "%s twice", pathways_record_get_string (s, "name"));
    }

  /* No action by halves: one young person per writer's staff member, theirs */
  ck_assert_uint_eq (g_list_model_get_n_items (people), g_list_model_get_n_items (staff));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PathwaysRecord) p = g_list_model_get_item (people, i);
      const char *local_id = pathways_record_get_string (p, "local-id");
      g_autofree char *name = g_strdup_printf ("Writer %s", local_id + 1);
      gint64 *pa = g_hash_table_lookup (staff_ids, name);

      ck_assert_msg (pa != NULL, "%s has no adviser %s", local_id, name);
      ck_assert_int_eq (pathways_record_get_int (p, "pa-id"), *pa);
      ck_assert_str_eq (pathways_record_get_string (p, "family-name"), "Okafor");
    }

  /* Nothing acknowledged is missing */
  g_hash_table_iter_init (&iter, acked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint64 ack = *(guint64 *) key;
      g_autofree char *name = g_strdup_printf ("Writer %u-%u", (guint) (ack >> 32), (guint) (ack & 0xffffffff));

      ck_assert_msg (g_hash_table_contains (staff_ids, name), "acknowledged but lost: %s", name);
    }

  /* The file is whole, and so is the audit chain */
  {
    g_autofree char *report = pathways_store_check_integrity (store, &error);
    g_autoptr(PathwaysAuditCheck) check = NULL;

    ck_assert_no_error (error);
    ck_assert_ptr_nonnull (report);
    check = pathways_store_verify_audit (store, &error);
    ck_assert_no_error (error);
    ck_assert_msg (check->broken_row == 0, "the chain breaks at row %" G_GINT64_FORMAT ": %s",
                   check->broken_row, check->problem);
    /* every insert of both records of every action, at least */
    ck_assert_int_ge (check->n_rows, 2 * (gint64) g_list_model_get_n_items (staff));
  }

  g_clear_object (&store);
  test_remove_dir (dir);
}
END_TEST

#define IMPORT_CHILDREN 6000
#define IMPORT_KILLS    8

/* The child: import the return into a new database at @path, saying on
 * @ack_fd when the import starts (1) and when it has been committed (2) */
G_GNUC_NORETURN static void
importer (const char          *path,
          const char * const  *files,
          int                  ack_fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autoptr(Pathways903CodeTable) table = pathways_903_code_table_load_default (&error);
  g_autoptr(PathwaysStore) store = table ? pathways_store_open (path, clock, &error) : NULL;
  g_autoptr(Pathways903Plan) plan = NULL;
  Pathways903Codes codes;
  Pathways903PlanOptions options = { 0 };
  guint64 ack = 1;

  if (store == NULL)
    {
      fprintf (stderr, "importer: %s\n", error->message);
      _exit (3);
    }
  codes = pathways_903_code_table_as_codes (table);
  options.collection_year = 2026;
  options.on_error = PATHWAYS_903_SKIP_BAD_ROWS;
  plan = pathways_903_plan_build (files, &codes, NULL, &options, NULL, NULL, NULL, &error);
  if (plan == NULL || write (ack_fd, &ack, sizeof ack) != sizeof ack)
    _exit (4);
  if (!pathways_903_plan_apply (store, plan, NULL, &error))
    {
      fprintf (stderr, "importer: %s\n", error->message);
      _exit (3);
    }
  ack = 2;
  if (write (ack_fd, &ack, sizeof ack) != sizeof ack)
    _exit (4);
  pause ();
  _exit (0);
}

/* Forks an importer into @path; kills it @delay_us after it starts
 * importing (or, with @delay_us < 0, once it says it has committed).
 * Returns how long the import had run when the last word came, and
 * whether it had committed. */
static gint64
run_importer (const char          *path,
              const char * const  *files,
              gint64               delay_us,
              gboolean            *out_committed)
{
  int fds[2];
  pid_t pid;
  int status = 0;
  guint64 ack = 0;
  gint64 started = 0, last = 0;

  if ((pid = fork_with_pipe (fds)) == 0)
    importer (path, files, fds[1]);
  ck_assert_int_eq (read (fds[0], &ack, sizeof ack), sizeof ack);
  ck_assert_int_eq (ack, 1);
  started = g_get_monotonic_time ();
  if (delay_us >= 0)
    {
      struct pollfd p = { fds[0], POLLIN, 0 };

      if (poll (&p, 1, (int) (delay_us / 1000)) > 0 && read (fds[0], &ack, sizeof ack) == sizeof ack)
        last = g_get_monotonic_time ();
    }
  else
    {
      ck_assert_int_eq (read (fds[0], &ack, sizeof ack), sizeof ack);
      last = g_get_monotonic_time ();
    }
  ck_assert_int_eq (kill (pid, SIGKILL), 0);
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  ck_assert (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  /* (a commit acknowledged after the poll is in the pipe still) */
  if (ack != 2 && read (fds[0], &ack, sizeof ack) == sizeof ack && last == 0)
    last = g_get_monotonic_time ();
  close (fds[0]);
  *out_committed = ack == 2;
  return (last > 0 ? last : g_get_monotonic_time ()) - started;
}

START_TEST (test_kill_nine_import_into_new_database)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(Pathways903Synthetic) synthetic = pathways_903_synthetic_new (IMPORT_CHILDREN, 11, 2026);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(PathwaysClock) clock = pathways_clock_new_fixed (TEST_TODAY);
  g_autofree char *h = g_build_filename (dir, "header.csv", NULL);
  g_autofree char *e = g_build_filename (dir, "episodes.csv", NULL);
  g_autofree char *o = g_build_filename (dir, "oc3.csv", NULL);
  const char *files[] = { h, e, o, NULL };
  gint64 n_people = 0, whole = 0;
  guint cut = 0, committed_rounds = 0;
  gboolean committed = FALSE;

  ck_assert (g_file_set_contents (h, synthetic->header->str, -1, NULL));
  ck_assert (g_file_set_contents (e, synthetic->episodes->str, -1, NULL));
  ck_assert (g_file_set_contents (o, synthetic->oc3->str, -1, NULL));

  /* How long the whole import takes here, and what it writes */
  {
    g_autofree char *path = g_build_filename (dir, "whole.db", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(PathwaysStore) store = NULL;

    whole = run_importer (path, files, -1, &committed);
    ck_assert (committed);
    store = pathways_store_open (path, clock, &error);
    ck_assert_no_error (error);
    n_people = pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
    ck_assert_int_gt (n_people, IMPORT_CHILDREN / 2);
  }

  for (guint round = 0; round < IMPORT_KILLS; round++)
    {
      g_autofree char *name = g_strdup_printf ("import-%u.db", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PathwaysStore) store = NULL;
      g_autoptr(PathwaysAuditCheck) check = NULL;
      g_autofree char *report = NULL;
      gint64 people;

      /* Anywhere from the start of the import to a little after its end */
      run_importer (path, files, g_rand_int_range (rand, 0, (gint32) (whole * 5 / 4) + 1), &committed);
      store = pathways_store_open (path, clock, &error);
      ck_assert_no_error (error);
      ck_assert_msg (pathways_store_get_read_only_reason (store) == NULL, "%s",
                     pathways_store_get_read_only_reason (store));
      people = pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL);
      ck_assert_msg (people == 0 || people == n_people, "round %u: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
                     " young people: the import is there by halves", round, people, n_people);
      if (committed)
        ck_assert_int_eq (people, n_people);
      cut += people == 0;
      committed_rounds += committed;
      report = pathways_store_check_integrity (store, &error);
      ck_assert_no_error (error);
      ck_assert_ptr_nonnull (report);
      check = pathways_store_verify_audit (store, &error);
      ck_assert_no_error (error);
      ck_assert_msg (check->broken_row == 0, "round %u: the chain breaks at row %" G_GINT64_FORMAT ": %s", round,
                     check->broken_row, check->problem);
    }
  /* Some imports were cut short, rolled back whole */
  ck_assert_uint_gt (cut, 0);
  test_remove_dir (dir);
}
END_TEST

static Suite *
crash_suite (void)
{
  Suite *s = suite_create ("crash");
  TCase *tc = tcase_create ("kill-9");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_kill_nine_loses_nothing_acknowledged);
  suite_add_tcase (s, tc);

  tc = tcase_create ("import-kill-9");
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_kill_nine_import_into_new_database);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (crash_suite ());
}
