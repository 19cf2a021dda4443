/* test-wait.c — the GUI suites' main-loop wait gives up, and says so
 *
 * test_wait_for() is bounded by a number of main-loop turns and by the
 * clock; past either it fails the test with what it waited for and
 * where.  Each case runs a one-test suite of its own and reads the
 * failure it reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-util.h"

static gboolean
never (gpointer data)
{
  return FALSE;
}

static gboolean
after_three_calls (gpointer data)
{
  return ++*(int *) data >= 3;
}

static gboolean
busy_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

START_TEST (wait_idle)
{
  /* Nothing to do: the loop sleeps between turns, the clock runs out */
  test_wait_for (never, NULL);
}
END_TEST

START_TEST (wait_busy)
{
  /* Always something to do: the turns run out long before the clock */
  g_idle_add (busy_cb, NULL);
  test_wait_for (never, NULL);
}
END_TEST

/* Runs @test alone; returns its failure message */
static char *
run_alone (const TTest *test,
           double      *out_seconds)
{
  Suite *s = suite_create ("inner");
  TCase *tc = tcase_create ("inner");
  SRunner *runner;
  TestResult **results;
  char *message;
  gint64 start = g_get_monotonic_time ();

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test);
  suite_add_tcase (s, tc);
  runner = srunner_create (s);
  srunner_set_fork_status (runner, CK_FORK);
  srunner_run_all (runner, CK_SILENT);
  *out_seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  ck_assert_int_eq (srunner_ntests_failed (runner), 1);
  results = srunner_failures (runner);
  ck_assert_int_eq (tr_rtype (results[0]), CK_FAILURE);
  message = g_strdup (tr_msg (results[0]));
  free (results);
  srunner_free (runner);
  return message;
}

START_TEST (test_gives_up_on_the_clock)
{
  double seconds;
  g_autofree char *message = run_alone (wait_idle, &seconds);

  ck_assert_msg (strstr (message, "test-wait.c:") != NULL &&
                 strstr (message, "gave up waiting for never after ") != NULL, "%s", message);
  ck_assert_double_ge (seconds, TEST_WAIT_MAX_SECONDS);
  ck_assert_double_lt (seconds, TEST_WAIT_MAX_SECONDS + 5);
}
END_TEST

START_TEST (test_gives_up_after_the_turns)
{
  double seconds;
  g_autofree char *message = run_alone (wait_busy, &seconds);
  g_autofree char *turns = g_strdup_printf ("after %u main-loop turns", TEST_WAIT_MAX_TURNS);

  ck_assert_msg (strstr (message, turns) != NULL, "%s", message);
  ck_assert_double_lt (seconds, TEST_WAIT_MAX_SECONDS);
}
END_TEST

START_TEST (test_returns_when_done)
{
  int calls = 0;

  ck_assert (test_wait_for (after_three_calls, &calls));
  ck_assert_int_eq (calls, 3);
}
END_TEST

static Suite *
wait_suite (void)
{
  Suite *s = suite_create ("wait");
  TCase *tc = tcase_create ("wait");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_returns_when_done);
  tcase_add_test (tc, test_gives_up_after_the_turns);
  tcase_add_test (tc, test_gives_up_on_the_clock);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (wait_suite ());
}
