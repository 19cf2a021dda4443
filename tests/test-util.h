/* test-util.h — shared helpers for the Check suites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <check.h>

#include "pathways-core.h"
#include "pathways-store-private.h"

#define TEST_TODAY "2026-11-22"

char          *test_make_dir        (void);
void           test_remove_dir      (const char *dir);
/* The store suites run against the backend named by
 * $PATHWAYS_TEST_BACKEND ("sqlite", the default; a PostgreSQL backend
 * adds its own name): every assertion is the same for each */
const char    *test_backend         (void);
gboolean       test_backend_is_sqlite (void);
gboolean       test_backend_is_postgres (void);
/* The PostgreSQL test cluster: its administrative connection string
 * (NULL without one), a fresh database for @name of a test's @dir, and
 * the connection string of a database as @login (NULL: the test user,
 * a manager and administrator) */
const char    *test_pg_admin        (void);
char          *test_pg_database     (const char *dir,
                                     const char *name);
char          *test_pg_location     (const char *database,
                                     const char *login);
void           test_pg_set_away     (const char *database,
                                     gboolean    away);
void           test_pg_add_user     (const char *database,
                                     const char *login,
                                     const char *role,
                                     const char *team);
PathwaysStore *test_open_store      (const char *dir,
                                     const char *name);
PathwaysStore *test_open_store_again (PathwaysStore *store);
gint64         test_query_int       (PathwaysStore *store,
                                     const char    *sql);
void           test_exec            (PathwaysStore *store,
                                     const char    *sql);
gint64         test_add             (PathwaysStore  *store,
                                     PathwaysRecord *record);
gint64         test_add_staff       (PathwaysStore *store);
PathwaysYoungPerson *test_make_person (const char *local_id);
int            test_run_suite       (Suite *suite);
/* A bounded wait on the main loop: fails the test past either limit */
#define TEST_WAIT_MAX_TURNS   10000
#define TEST_WAIT_MAX_SECONDS 10
gboolean       test_wait_for_full   (gboolean  (*done) (gpointer),
                                     gpointer    data,
                                     const char *what,
                                     const char *file,
                                     int         line);
#define test_wait_for(done, data) test_wait_for_full ((done), (data), #done, __FILE__, __LINE__)

#define ck_assert_no_error(err) \
  ck_assert_msg ((err) == NULL, "unexpected error: %s", (err) ? (err)->message : "")
