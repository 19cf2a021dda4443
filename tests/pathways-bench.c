/* pathways-bench.c — how fast Pathways is on a big authority
 *
 *   pathways-bench [--size large|demo] [--runs N] [--database PATH] [--postgres ADMIN]
 *
 * Generates the synthetic authority (or reuses --database if it exists),
 * then times each case N times and prints the median, with the peak
 * memory of the process.  Built with the tests; not a timed test.
 *
 * The timeline's frame is measured as the screen draws it — render
 * nodes made by the grid's painter, then rendered by a GSK renderer
 * (GL where a display gives one, else Cairo; the output says which) —
 * and as the export draws it (cairo), at 2,000, 10,000 and 20,000 young
 * people (copies of the authority's rows where the generator makes only
 * 2,000), with the growth exponent of each case.
 *
 * With --postgres (a connection string for a role that may create
 * databases and roles; default $PATHWAYS_TEST_PG, as build-aux/pg-test-cluster
 * prints it) the authority is copied onto a fresh team server database
 * and the caseload and alerts are timed there too, as a ratio to SQLite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pathways-core.h"
#include "pathways-postgres-store-private.h"
#include "pathways-sqlite-store-private.h"
#include "pathways-903.h"
#include "pathways-903-export.h"
#include "pathways-903-import.h"
#include "pathways-903-plan.h"
#include "pathways-903-synthetic.h"
#include <glpk.h>
#include <gtk/gtk.h>
#include <math.h>
#include <gsk/gl/gskglrenderer.h>
#include "pathways-timeline-painter.h"
#include "pathways-timeline-render.h"
#include "pathways-caseload-view.h"
#include "pathways-caseload-view-private.h"
#include "pathways-sqlite-store.h"

#define TODAY "2026-11-22"

static char *opt_size = NULL;
static char *opt_database = NULL;
static char *opt_startup_child = NULL;
static char *opt_app = NULL;
static int opt_runs = 9;
static gboolean opt_only_903 = FALSE;
static gboolean opt_only_plan = FALSE;
static char *opt_postgres = NULL;
static gboolean opt_only_postgres = FALSE;
static gboolean opt_only_startup = FALSE;
static char *opt_bare = NULL;
static int opt_people = 0;
static char *opt_growth = NULL;
static gboolean opt_only_search = FALSE;
static gboolean opt_only_load = FALSE;

static const GOptionEntry entries[] = {
  { "size", 0, 0, G_OPTION_ARG_STRING, &opt_size, "demo or large (default large)", "SIZE" },
  { "runs", 'n', 0, G_OPTION_ARG_INT, &opt_runs, "Runs per case (default 9)", "N" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database, "Reuse or create this database", "PATH" },
  { "only-903", 0, 0, G_OPTION_ARG_NONE, &opt_only_903, "Only the SSDA903 import and export cases", NULL },
  { "only-plan", 0, 0, G_OPTION_ARG_NONE, &opt_only_plan, "Only the service-wide plan (and its exact check)", NULL },
  { "postgres", 0, 0, G_OPTION_ARG_STRING, &opt_postgres, "Also on a team server: an administrative "
    "connection string (default $PATHWAYS_TEST_PG)", "CONNINFO" },
  { "only-postgres", 0, 0, G_OPTION_ARG_NONE, &opt_only_postgres,
    "Only the caseload and alerts, on SQLite and on the team server", NULL },
  { "app", 0, 0, G_OPTION_ARG_FILENAME, &opt_app, "The pathways program, for the start-up case "
    "(default: ../app/pathways beside this one; needs a display)", "PATH" },
  { "only-startup", 0, 0, G_OPTION_ARG_NONE, &opt_only_startup,
    "Only the start-up cases: Pathways against a bare libadwaita window, in pairs (needs a display)", NULL },
  { "bare", 0, 0, G_OPTION_ARG_FILENAME, &opt_bare, "The bare window program for the start-up ratios "
    "(default: bench-bare-window beside this one)", "PATH" },
  { "people", 0, 0, G_OPTION_ARG_INT, &opt_people, "Generate this many young people instead of a --size "
    "(with the large authority's proportions)", "N" },
  { "growth", 0, 0, G_OPTION_ARG_FILENAME, &opt_growth, "Only the growth cases: authorities of 2,000, "
    "10,000 and 20,000 young people, kept in (or generated into) DIR", "DIR" },
  { "only-search", 0, 0, G_OPTION_ARG_NONE, &opt_only_search,
    "Only the caseload's search, as a filter and through the view (needs a display), on --database", NULL },
  { "only-load", 0, 0, G_OPTION_ARG_NONE, &opt_only_load,
    "Only the caseload load, its parts and its query in the sqlite3 shell, on --database (for profiling)", NULL },
  { "startup-child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_startup_child, NULL, NULL },
  { NULL }
};

typedef void (*BenchFunc) (gpointer data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The same in CPU time, which the machine's other work does not add to:
 * of this thread (the loading thread), or of the whole process (the
 * loading thread and the helpers it starts) */
static double
median_cpu_ms_of (BenchFunc func,
                  gpointer  data,
                  double  (*clock) (void))
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < opt_runs; i++)
    {
      double start = clock ();
      double ms;

      func (data);
      ms = clock () - start;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
median_cpu_ms (BenchFunc func,
               gpointer  data)
{
  return median_cpu_ms_of (func, data, thread_cpu_ms);
}

static double
median_ms (BenchFunc func,
           gpointer  data)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < opt_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      func (data);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

typedef struct {
  Pathways903Synthetic *files;
  Pathways903CodeTable *table;
  GPtrArray            *children;  /* Pathways903ExportChild */
} Return903;

/* Import: recognise, read and check the three tables of the return */
static void
bench_903_read (gpointer data)
{
  Return903 *r = data;
  Pathways903Codes codes = pathways_903_code_table_as_codes (r->table);
  g_autoptr(Pathways903Data) d = pathways_903_data_new ();
  GString *files[] = { r->files->header, r->files->episodes, r->files->oc3 };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (pathways_903_read_table (d, "bench.csv", files[i]->str, files[i]->len, NULL, NULL, NULL, NULL, NULL) ==
        PATHWAYS_903_TABLE_NONE)
      g_error ("the synthetic return is not a 903 table");
  pathways_903_data_check (d, &codes, 2026);
  if (d->n_errors > 0)
    g_error ("the synthetic return has errors: %s",
             ((PathwaysExchangeProblem *) g_ptr_array_index (d->problems, 0))->message);
}

/* Export: cohort, tables, self-check and the three CSV files */
static void
bench_903_export (gpointer data)
{
  Return903 *r = data;
  Pathways903Codes codes = pathways_903_code_table_as_codes (r->table);
  g_autoptr(Pathways903Export) x = pathways_903_export_build (r->children, 2026, &codes);
  Pathways903Table tables[] = { PATHWAYS_903_TABLE_HEADER, PATHWAYS_903_TABLE_EPISODES, PATHWAYS_903_TABLE_OC3 };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_string_free (pathways_903_export_table_csv (x, tables[i]), TRUE);
}

static void
return_903_init (Return903 *r,
                 guint      n_children)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Pathways903Data) d = pathways_903_data_new ();
  g_autoptr(GHashTable) by_child = g_hash_table_new (g_str_hash, g_str_equal);
  GString *files[3];

  r->table = pathways_903_code_table_load_default (&error);
  if (r->table == NULL)
    g_error ("%s (set PATHWAYS_903_CODES to data/ref/ssda903-codes.csv)", error->message);
  r->files = pathways_903_synthetic_new (n_children, 1, 2026);
  files[0] = r->files->header;
  files[1] = r->files->episodes;
  files[2] = r->files->oc3;
  for (guint i = 0; i < 3; i++)
    pathways_903_read_table (d, "bench.csv", files[i]->str, files[i]->len, NULL, NULL, NULL, NULL, NULL);

  /* The same people as the store would hand them to the export */
  r->children = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_export_child_free);
  g_ptr_array_set_free_func (d->children, NULL);  /* the export children take them */
  for (guint i = 0; i < d->children->len; i++)
    {
      Pathways903Child *h = g_ptr_array_index (d->children, i);
      Pathways903ExportChild *c;

      c = pathways_903_export_child_new (h);
      c->care_leaver = TRUE;
      g_hash_table_insert (by_child, h->child, c);
      g_ptr_array_add (r->children, c);
    }
  for (guint i = 0; i < d->episodes->len; i++)
    {
      Pathways903Episode *e = g_ptr_array_index (d->episodes, i);
      Pathways903ExportChild *c = g_hash_table_lookup (by_child, e->child);
      if (c != NULL)
        g_ptr_array_add (c->episodes, pathways_903_episode_copy (e));
    }
  for (guint i = 0; i < d->oc3->len; i++)
    {
      Pathways903Oc3 *o = g_ptr_array_index (d->oc3, i);
      Pathways903ExportChild *c = g_hash_table_lookup (by_child, o->child);
      if (c != NULL)
        pathways_903_export_child_add_contact (c, "2025-10-01", o->in_touch, o->activ, o->accom);
    }
}

static void
return_903_clear (Return903 *r)
{
  pathways_903_synthetic_free (r->files);
  pathways_903_code_table_unref (r->table);
  g_ptr_array_unref (r->children);
}

static void
report (const char *name,
        double      ms)
{
  printf ("  %-44s %10.2f ms\n", name, ms);
}

static void
bench_open_and_load (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStore) store = pathways_store_open (data, NULL, &error);
  g_autoptr(GListModel) rows = NULL;

  if (store == NULL)
    g_error ("%s", error->message);
  rows = pathways_store_load_caseload (store, TODAY, &error);
  if (rows == NULL)
    g_error ("%s", error->message);
}

/* The rules snapshot is shared between the pages until the next change
 * (pathways_snapshot_load_shared()): the cold cases begin with a change
 * of generation (an empty transaction, a fraction of a millisecond) so
 * that each run loads its own, as the first page after a change does */
static void
forget_shared_snapshot (PathwaysStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!pathways_store_begin (store, &error))
    g_error ("%s", error->message);
  pathways_store_rollback (store);
}

static void
bench_load (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;

  forget_shared_snapshot (data);
  rows = pathways_store_load_caseload (data, TODAY, &error);
  if (rows == NULL)
    g_error ("%s", error->message);
}

/* The same when another page already loaded this state's snapshot */
static void
bench_load_shared (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = pathways_store_load_caseload (data, TODAY, &error);

  if (rows == NULL)
    g_error ("%s", error->message);
}

static void
bench_alerts (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load (data, TODAY, &error);
  g_autoptr(GPtrArray) alerts = NULL;

  if (snap == NULL)
    g_error ("%s", error->message);
  alerts = pathways_snapshot_alerts (snap, 0);
}

/* One user action's commit (a note added, audited and chained) */
static void
bench_commit (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStaff) s = pathways_staff_new ("Bench Commit", "pa", "Bench");

  if (!pathways_store_insert (data, PATHWAYS_RECORD (s), &error) ||
      !pathways_store_delete (data, PATHWAYS_RECORD (s), &error))
    g_error ("%s", error->message);
}

/* What synchronous=FULL costs a commit, against NORMAL, on a fresh file
 * in the folder of the database (the same disk) */
static void
bench_durability (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *file = g_build_filename (dir, "bench-commit.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStore) store = pathways_store_open (file, NULL, &error);
  double full, normal;

  if (store == NULL)
    g_error ("%s", error->message);
  full = median_ms (bench_commit, store) / 2.0;
  if (!pathways_sqlite_store_exec (PATHWAYS_SQLITE_STORE (store), "PRAGMA synchronous = NORMAL", &error))
    g_error ("%s", error->message);
  normal = median_ms (bench_commit, store) / 2.0;
  report ("one commit, synchronous=FULL (as shipped)", full);
  report ("one commit, synchronous=NORMAL (comparison)", normal);
  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *f = g_strconcat (file, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (f);
    }
}

/* The same authority on a team server: caseload and alerts against SQLite */
static void
bench_postgres (PathwaysStore *sqlite_store,
                const char    *admin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStore) pg = NULL;
  g_autofree char *db = g_strdup_printf ("pathways_bench_%d", (int) getpid ());
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", db);
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", db);
  g_autofree char *target = g_strdup_printf ("%s dbname=%s", admin, db);
  g_autofree char *as_user = g_strdup_printf ("%s dbname=%s user=%s", admin, db, g_get_user_name ());
  double caseload_sqlite, caseload_pg, alerts_sqlite, alerts_pg;
  gint64 start = g_get_monotonic_time ();

  if (!pathways_postgres_admin_exec (admin, create, NULL, &error) ||
      !pathways_postgres_server_init (target, NULL, &error) ||
      !pathways_postgres_server_copy_from (target, sqlite_store, &error) ||
      !pathways_postgres_server_add_user (target, g_get_user_name (), "manager", NULL, NULL, 0, TRUE, &error) ||
      (pg = pathways_store_open (as_user, NULL, &error)) == NULL)
    {
      printf ("  %-44s %s\n", "team server (PostgreSQL)", error->message);
      pathways_postgres_admin_exec (admin, drop, NULL, NULL);
      return;
    }
  report ("team server: init + copy the authority (once)", (g_get_monotonic_time () - start) / 1000.0);

  caseload_sqlite = median_ms (bench_load, sqlite_store);
  caseload_pg = median_ms (bench_load, pg);
  alerts_sqlite = median_ms (bench_alerts, sqlite_store);
  alerts_pg = median_ms (bench_alerts, pg);
  report ("load caseload model, team server", caseload_pg);
  printf ("  %-44s %10.2f × SQLite (%.2f ms)\n", "  … PostgreSQL against SQLite", caseload_pg / caseload_sqlite,
          caseload_sqlite);
  report ("all alerts for everyone, team server", alerts_pg);
  printf ("  %-44s %10.2f × SQLite (%.2f ms)\n", "  … PostgreSQL against SQLite", alerts_pg / alerts_sqlite,
          alerts_sqlite);

  g_clear_object (&pg);
  pathways_postgres_admin_exec (admin, drop, NULL, NULL);
}

static void
bench_snapshot (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysSnapshot) snap = pathways_snapshot_load (data, TODAY, &error);

  if (snap == NULL)
    g_error ("%s", error->message);
}

/* The service-wide plan, 36 months, from a loaded snapshot */
typedef struct {
  PathwaysSnapshot *snap;
  double            solver_ms;
  int               months;
  GArray           *cpu_ms;   /* each run's CPU time in this thread: the machine is shared */
} PlanBench;

static void
bench_plan (gpointer data)
{
  PlanBench *b = data;
  g_autoptr(GError) error = NULL;
  double cpu = thread_cpu_ms ();
  g_autoptr(PathwaysPlan) plan = pathways_plan_compute (b->snap, NULL, NULL, &error);

  cpu = thread_cpu_ms () - cpu;
  g_array_append_val (b->cpu_ms, cpu);
  if (plan == NULL)
    g_error ("%s", error->message);
  b->solver_ms = plan->solver_seconds * 1000.0;
  b->months = plan->months;
}

/* GLPK's exact optimum of a month's flow problem (the same LP) */
typedef struct {
  int    months;        /* how many to check */
  gint64 lemon, exact;
  double glpk_ms;
  int    checked;
} PlanExact;

static void
exact_month_cb (int           month,
                PathwaysFlow *flow,
                gpointer      data)
{
  PlanExact *x = data;
  int n = pathways_flow_get_n_nodes (flow), m = pathways_flow_get_n_arcs (flow);
  glp_prob *lp;
  int *ia, *ja, k = 0;
  double *ar;
  glp_smcp parm;
  gint64 start;

  if (month >= x->months)
    return;
  lp = glp_create_prob ();
  ia = g_new0 (int, 2 * m + 1);
  ja = g_new0 (int, 2 * m + 1);
  ar = g_new0 (double, 2 * m + 1);
  glp_set_obj_dir (lp, GLP_MIN);
  glp_add_rows (lp, n);
  for (int i = 0; i < n; i++)
    glp_set_row_bnds (lp, i + 1, GLP_FX, (double) pathways_flow_get_supply (flow, i),
                      (double) pathways_flow_get_supply (flow, i));
  glp_add_cols (lp, m);
  for (int a = 0; a < m; a++)
    {
      int from, to;
      gint64 cap, cost;
      pathways_flow_get_arc (flow, a, &from, &to, &cap, &cost);
      glp_set_col_bnds (lp, a + 1, GLP_DB, 0.0, (double) cap);
      glp_set_obj_coef (lp, a + 1, (double) cost);
      ia[++k] = from + 1; ja[k] = a + 1; ar[k] = 1.0;
      ia[++k] = to + 1; ja[k] = a + 1; ar[k] = -1.0;
    }
  glp_load_matrix (lp, k, ia, ja, ar);
  glp_init_smcp (&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_ON;
  start = g_get_monotonic_time ();
  if (glp_simplex (lp, &parm) == 0 && glp_get_status (lp) == GLP_OPT)
    {
      x->exact += llround (glp_get_obj_val (lp));
      x->lemon += pathways_flow_get_total_cost (flow);
      x->checked++;
    }
  x->glpk_ms += (g_get_monotonic_time () - start) / 1000.0;
  glp_delete_prob (lp);
  g_free (ia);
  g_free (ja);
  g_free (ar);
}

static void
bench_list_units (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = pathways_store_list (data, PATHWAYS_TYPE_UNIT, &error);

  if (units == NULL)
    g_error ("%s", error->message);
}

/* The timeline: one frame of 60 visible rows, drawn offscreen by the
 * widget's own drawing code */
typedef struct {
  PathwaysTimeline        *timeline;
  GArray                  *lines;
  PathwaysTimelineFrame    frame;
  cairo_surface_t         *surface;
  PathwaysTimelinePainter *painter;
  guchar                  *pixels;
} TimelineBench;

static void
bench_timeline_load (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysTimeline) timeline = NULL;

  forget_shared_snapshot (data);
  timeline = pathways_timeline_load (data, TODAY, &error);
  if (timeline == NULL)
    g_error ("%s", error->message);
}

static void
bench_timeline_layout (gpointer data)
{
  TimelineBench *b = data;
  g_autoptr(GArray) lines = pathways_timeline_layout (b->timeline, NULL, PATHWAYS_TIMELINE_GROUP_PA, NULL);
}

static void
bench_timeline_draw (gpointer data)
{
  TimelineBench *b = data;
  cairo_t *cr = cairo_create (b->surface);
  PathwaysTimelineRenderStats stats;

  pathways_timeline_render (cr, &b->frame, b->lines, &stats);
  cairo_destroy (cr);
  if (stats.n_lines_drawn != 60)
    g_error ("drew %u rows, not 60", stats.n_lines_drawn);
}

/* The screen's frame: the painter's render nodes, then a GSK renderer */
static GskRenderer *renderer;
static gboolean cold;       /* every frame with empty caches, as after a zoom */
static gboolean nodes_only; /* time the nodes, not the rendering */

static void
bench_timeline_frame (gpointer data)
{
  TimelineBench *b = data;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  PathwaysTimelineRenderStats stats;

  /* Scrolling: a row further down each frame, as a wheel or kinetic
   * scroll moves it */
  b->frame.scroll_y += PATHWAYS_TIMELINE_ROW_HEIGHT;
  if (b->frame.scroll_y > (b->lines->len - 60) * PATHWAYS_TIMELINE_ROW_HEIGHT)
    b->frame.scroll_y = 0;
  if (cold)
    pathways_timeline_painter_reset (b->painter);
  pathways_timeline_painter_snapshot (b->painter, snapshot, &b->frame, b->lines, &stats);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (stats.n_lines_drawn != 60)
    g_error ("drew %u rows, not 60", stats.n_lines_drawn);
  if (!nodes_only && renderer != NULL)
    {
      g_autoptr(GdkTexture) texture = gsk_renderer_render_texture (renderer, node,
                                                                   &GRAPHENE_RECT_INIT (0, 0, b->frame.width,
                                                                                        b->frame.height));
      /* Wait for the pixels: a GL renderer may still be drawing */
      gdk_texture_download (texture, b->pixels, (gsize) b->frame.width * 4);
    }
}

/* What a renderer costs for a frame of that size whatever is in it: one
 * colour node, rendered and downloaded */
static void
bench_renderer_floor (gpointer data)
{
  TimelineBench *b = data;
  GdkRGBA white = { 1, 1, 1, 1 };
  g_autoptr(GskRenderNode) node = gsk_color_node_new (&white, &GRAPHENE_RECT_INIT (0, 0, b->frame.width,
                                                                                      b->frame.height));
  g_autoptr(GdkTexture) texture = gsk_renderer_render_texture (renderer, node,
                                                               &GRAPHENE_RECT_INIT (0, 0, b->frame.width,
                                                                                    b->frame.height));

  gdk_texture_download (texture, b->pixels, (gsize) b->frame.width * 4);
}

/* The screen's frame as it was drawn before render nodes: the cairo
 * drawing in one cairo node, then the same renderer, for comparison */
static void
bench_timeline_cairo_node (gpointer data)
{
  TimelineBench *b = data;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_t *cr;

  b->frame.scroll_y += PATHWAYS_TIMELINE_ROW_HEIGHT;
  if (b->frame.scroll_y > (b->lines->len - 60) * PATHWAYS_TIMELINE_ROW_HEIGHT)
    b->frame.scroll_y = 0;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, b->frame.width, b->frame.height));
  pathways_timeline_render (cr, &b->frame, b->lines, NULL);
  cairo_destroy (cr);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, b->frame.width, b->frame.height));
  gdk_texture_download (texture, b->pixels, (gsize) b->frame.width * 4);
}

static void
timeline_bench_init (TimelineBench *b,
                     PathwaysTimeline *timeline,
                     guint          n_lines)
{
  guint32 first;

  b->timeline = timeline;
  b->lines = pathways_timeline_layout (timeline, NULL, PATHWAYS_TIMELINE_GROUP_NONE, NULL);
  g_array_set_size (b->lines, MIN (n_lines, b->lines->len));
  /* 60 rows in view, in the middle of the list, a year before today onwards */
  pathways_timeline_frame_init (&b->frame, timeline, 1280,
                                PATHWAYS_TIMELINE_HEADER_HEIGHT + 60 * PATHWAYS_TIMELINE_ROW_HEIGHT);
  b->frame.scroll_y = (b->lines->len - 60) / 2 * PATHWAYS_TIMELINE_ROW_HEIGHT;
  pathways_timeline_get_range (timeline, &first, NULL);
  b->frame.scroll_x = (pathways_timeline_get_today (timeline) - 365 - first) *
                      pathways_timeline_zoom_px_per_day (b->frame.zoom);
  b->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) b->frame.width, (int) b->frame.height);
  {
    PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

    b->painter = pathways_timeline_painter_new (context);
    g_object_unref (context);
  }
  b->pixels = g_malloc ((gsize) b->frame.width * 4 * (gsize) b->frame.height);
}

static void
timeline_bench_clear (TimelineBench *b)
{
  g_array_unref (b->lines);
  cairo_surface_destroy (b->surface);
  pathways_timeline_painter_free (b->painter);
  g_free (b->pixels);
}

/* The renderers a frame is measured with: GSK's Cairo renderer, and
 * GL where the display has it (under Xvfb that is Mesa's software
 * rasteriser, not a GPU) */
static GskRenderer *renderers[2];
static const char * const renderer_names[2] = { "Cairo", "GL" };

static void
renderers_init (void)
{
  if (!gtk_init_check ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (renderers); i++)
    {
      g_autoptr(GError) error = NULL;

      renderers[i] = i == 0 ? gsk_cairo_renderer_new () : gsk_gl_renderer_new ();
      if (!gsk_renderer_realize (renderers[i], NULL, &error))
        {
          printf ("  (no %s renderer: %s)\n", renderer_names[i], error->message);
          g_clear_object (&renderers[i]);
        }
    }
}

static double
growth (double small,
        double big,
        double ratio)
{
  return small > 0 && big > 0 ? log (big / small) / log (ratio) : NAN;
}

/* A case at 2,000, 10,000 and 20,000 young people, with its growth */
static void
report_sizes (const char  *name,
              const double ms[3],
              const guint  sizes[3])
{
  char label[128];

  for (guint i = 0; i < 3; i++)
    {
      g_snprintf (label, sizeof label, "%s, %'u", name, sizes[i]);
      report (label, ms[i]);
    }
  printf ("  %-44s %10.2f\n", "   growth exponent (1 is linear, 0 flat)", growth (ms[0], ms[2], (double) sizes[2] / sizes[0]));
}

/* Start-up: from spawning a process to a line it prints.  The process
 * is this program in --startup-child mode (the store and the caseload
 * as the application opens them, off the main thread, without a
 * window: "caseload filled"), the application (which prints "first
 * frame drawn" and "caseload rows drawn" when PATHWAYS_REPORT_STARTUP is
 * set, and quits by itself with --quit-after-caseload-rows) or the bare
 * libadwaita window (tests/bench-bare-window.c: "first frame drawn").
 * The process is reaped here, so its peak memory is its own rusage. */
typedef struct {
  char       **argv;
  const char  *last;       /* the line after which the process is done */
  double       first_frame_ms;
  double       last_ms;
  double       peak_mib;
} Startup;

/* Kills a start-up run that has neither printed what it is waited for
 * nor quit in STARTUP_TIMEOUT_S (a dialog waiting for a click, say), so
 * that the benchmark fails with a message instead of waiting forever */
#define STARTUP_TIMEOUT_S 120

typedef struct {
  GMutex   lock;
  GCond    cond;
  gboolean done;
  gboolean killed;
  GPid     pid;
} Watchdog;

static gpointer
watchdog_thread (gpointer data)
{
  Watchdog *w = data;
  gint64 deadline = g_get_monotonic_time () + STARTUP_TIMEOUT_S * G_TIME_SPAN_SECOND;

  g_mutex_lock (&w->lock);
  while (!w->done)
    if (!g_cond_wait_until (&w->cond, &w->lock, deadline))
      {
        /* The whole group (a script's children too): the pipe closes
         * and the reader sees the end */
        kill (-w->pid, SIGKILL);
        w->killed = TRUE;
        break;
      }
  g_mutex_unlock (&w->lock);
  return NULL;
}

/* Each run in a process group of its own, for the watchdog */
static void
own_group (gpointer data)
{
  setpgid (0, 0);
}

static void
run_startup (Startup *s)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  GPid pid;
  int out_fd;
  FILE *out;
  char *line = NULL;
  size_t line_len = 0;
  gboolean found = FALSE;
  struct rusage usage;
  int status;
  gint64 start;
  Watchdog watchdog = { 0 };
  GThread *watcher;

  g_mutex_init (&watchdog.lock);
  g_cond_init (&watchdog.cond);
  envp = g_environ_setenv (envp, "PATHWAYS_REPORT_STARTUP", "1", TRUE);
  envp = g_environ_setenv (envp, "PATHWAYS_TODAY", TODAY, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  s->first_frame_ms = s->last_ms = s->peak_mib = NAN;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, s->argv, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 own_group, NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s", error->message);
  out = fdopen (out_fd, "r");
  watchdog.pid = pid;
  watcher = g_thread_new ("startup-watchdog", watchdog_thread, &watchdog);
  while (getline (&line, &line_len, out) > 0)
    {
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      if (g_str_has_prefix (line, "first frame drawn"))
        s->first_frame_ms = ms;
      if (g_str_has_prefix (line, s->last))
        {
          s->last_ms = ms;
          found = TRUE;
          break;
        }
    }
  free (line);
  fclose (out);
  g_mutex_lock (&watchdog.lock);
  watchdog.done = TRUE;
  g_cond_signal (&watchdog.cond);
  g_mutex_unlock (&watchdog.lock);
  g_thread_join (watcher);
  g_mutex_clear (&watchdog.lock);
  g_cond_clear (&watchdog.cond);
  if (watchdog.killed)
    g_error ("%s printed no “%s” within %d s and was stopped", s->argv[0], s->last, STARTUP_TIMEOUT_S);

  /* Pathways and the bare window quit by themselves; give them 20 s */
  for (int i = 0; i < 2000; i++)
    {
      if (wait4 (pid, &status, WNOHANG, &usage) == pid)
        break;
      if (i == 1999 || !found)
        {
          kill (pid, SIGKILL);
          wait4 (pid, &status, 0, &usage);
          break;
        }
      g_usleep (10000);
    }
  g_spawn_close_pid (pid);
  if (!found)
    g_error ("%s never printed “%s”", s->argv[0], s->last);
  s->peak_mib = usage.ru_maxrss / 1024.0;
}

static void
bench_startup (gpointer data)
{
  run_startup (data);
}

static double
median_of (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len > 0 ? g_array_index (values, double, values->len / 2) : NAN;
}

/* Pathways against the bare window, in pairs: each round runs both, in
 * turn first, so that what else the machine is doing weighs on both
 * alike; the ratios are the medians of each round's ratio */
static void
bench_startup_paired (const char *app,
                      const char *bare,
                      const char *path)
{
  char *app_argv[] = { (char *) app, (char *) "--database", (char *) path,
                       (char *) "--quit-after-caseload-rows", NULL };
  char *bare_argv[] = { (char *) bare, NULL };
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rows_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_ratio = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rows_ratio = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) extra_mib = g_array_new (FALSE, FALSE, sizeof (double));
  Startup b = { bare_argv, "first frame drawn" };
  Startup a = { app_argv, "caseload rows drawn" };
  double v;

  /* Once each first, untimed: the libraries and the database are in the
   * page cache for every timed run */
  run_startup (&b);
  run_startup (&a);
  for (int i = 0; i < opt_runs; i++)
    {
      if (i % 2 == 0)
        {
          run_startup (&b);
          run_startup (&a);
        }
      else
        {
          run_startup (&a);
          run_startup (&b);
        }
      g_array_append_val (bare_ms, b.last_ms);
      g_array_append_val (first_ms, a.first_frame_ms);
      g_array_append_val (rows_ms, a.last_ms);
      v = a.first_frame_ms / b.last_ms;
      g_array_append_val (first_ratio, v);
      v = a.last_ms / b.last_ms;
      g_array_append_val (rows_ratio, v);
      g_array_append_val (bare_mib, b.peak_mib);
      g_array_append_val (app_mib, a.peak_mib);
      v = a.peak_mib - b.peak_mib;
      g_array_append_val (extra_mib, v);
    }
  report ("start-up: bare libadwaita window, first frame", median_of (bare_ms));
  report ("start-up: Pathways, first frame", median_of (first_ms));
  printf ("  %-44s %10.2f × bare (goal ≤ 1.3)\n", "  … paired ratio to the bare window", median_of (first_ratio));
  report ("start-up: Pathways, caseload rows drawn", median_of (rows_ms));
  printf ("  %-44s %10.2f × bare (goal ≤ 2)\n", "  … paired ratio to the bare window", median_of (rows_ratio));
  printf ("  %-44s %10.1f MiB\n", "peak memory: bare window", median_of (bare_mib));
  printf ("  %-44s %10.1f MiB\n", "peak memory: Pathways, caseload drawn", median_of (app_mib));
  printf ("  %-44s %+10.1f MiB (goal ≤ +60)\n", "  … paired, over the bare window", median_of (extra_mib));
}

static void
startup_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = pathways_store_load_caseload_finish (PATHWAYS_STORE (source), result, &error);

  if (rows == NULL)
    g_error ("%s", error->message);
  printf ("caseload filled: %u rows\n", g_list_model_get_n_items (rows));
  fflush (stdout);
  g_main_loop_quit (user_data);
}

static int
startup_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStore) store = pathways_store_open (path, NULL, &error);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  if (store == NULL)
    g_error ("%s", error->message);
  pathways_store_load_caseload_async (store, TODAY, NULL, startup_loaded_cb, loop);
  g_main_loop_run (loop);
  return 0;
}

/* A read while a write is under way and commits: the read's time beside
 * a writer holding its transaction open (500 updated units) */
typedef struct {
  PathwaysStore *store;
  GMutex         lock;
  GCond          cond;
  gboolean       writing;
  gboolean       read_done;
} ReadWrite;

static gpointer
writer_thread (gpointer data)
{
  ReadWrite *rw = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = pathways_store_list (rw->store, PATHWAYS_TYPE_UNIT, &error);

  if (units == NULL || !pathways_store_begin (rw->store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < MIN (500u, g_list_model_get_n_items (units)); i++)
    {
      g_autoptr(PathwaysRecord) unit = g_list_model_get_item (units, i);
      if (!pathways_store_update (rw->store, unit, &error))
        g_error ("%s", error->message);
    }
  g_mutex_lock (&rw->lock);
  rw->writing = TRUE;
  g_cond_broadcast (&rw->cond);
  while (!rw->read_done)
    g_cond_wait (&rw->cond, &rw->lock);
  g_mutex_unlock (&rw->lock);
  if (!pathways_store_commit (rw->store, &error))
    g_error ("%s", error->message);
  return NULL;
}

static void
bench_read_during_write (gpointer data)
{
  PathwaysStore *store = data;
  ReadWrite rw = { store };
  GThread *writer;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;
  gint64 start;
  double *ms = g_object_get_data (G_OBJECT (store), "read-ms");

  g_mutex_init (&rw.lock);
  g_cond_init (&rw.cond);
  writer = g_thread_new ("writer", writer_thread, &rw);
  g_mutex_lock (&rw.lock);
  while (!rw.writing)
    g_cond_wait (&rw.cond, &rw.lock);
  g_mutex_unlock (&rw.lock);

  /* The writer is inside its transaction: read now */
  start = g_get_monotonic_time ();
  rows = pathways_store_load_caseload (store, TODAY, &error);
  if (rows == NULL)
    g_error ("%s", error->message);
  *ms = (g_get_monotonic_time () - start) / 1000.0;

  g_mutex_lock (&rw.lock);
  rw.read_done = TRUE;
  g_cond_broadcast (&rw.cond);
  g_mutex_unlock (&rw.lock);
  g_thread_join (writer);
  g_mutex_clear (&rw.lock);
  g_cond_clear (&rw.cond);
}

static double
median_read_during_write (PathwaysStore *store)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double ms = 0;

  g_object_set_data (G_OBJECT (store), "read-ms", &ms);
  for (int i = 0; i < opt_runs; i++)
    {
      bench_read_during_write (store);
      g_array_append_val (times, ms);
    }
  g_object_set_data (G_OBJECT (store), "read-ms", NULL);
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static void
bench_sufficiency (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysSufficiency) sufficiency = NULL;

  forget_shared_snapshot (data);
  sufficiency = pathways_sufficiency_compute (data, TODAY, &error);
  if (sufficiency == NULL)
    g_error ("%s", error->message);
}

/* Growth: the same cases on authorities of 2,000, 10,000 and 20,000 young
 * people (generated, not copies), each with its growth exponent */

/* The caseload's own query in the sqlite3 shell, run opt_runs times in
 * one session: the median of the shell's own timer (ms resolution) */
static double
shell_query_ms (const char *path)
{
  g_autoptr(GString) script = g_string_new (".timer on\n.output /dev/null\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  for (int i = 0; i < opt_runs + 1; i++)
    g_string_append_printf (script, "%s;\n", pathways_sqlite_store_caseload_sql ());
  shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "sqlite3", "-batch", "-readonly", path, NULL);
  if (shell == NULL || !g_subprocess_communicate_utf8 (shell, script->str, NULL, &out, NULL, &error))
    {
      printf ("  (no sqlite3 shell: %s)\n", error->message);
      return NAN;
    }
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double seconds;

      if (sscanf (lines[i], "Run Time: real %lf", &seconds) == 1)
        {
          double ms = seconds * 1000.0;
          g_array_append_val (times, ms);
        }
    }
  if (times->len > 1)
    g_array_remove_index (times, 0);  /* the first warms the cache */
  return median_of (times);
}

/* Typing a name into the caseload view's search, one keystroke at a
 * time: the first from the whole caseload, then each one narrowing.
 * Through the view (its filters, and its column view making rows for
 * what is left), or through the same search filter over the rows alone */
typedef struct {
  PathwaysCaseloadView *view;
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  char                **words;
  char                 *query;
  double                first_ms;
  double                narrow_ms;   /* the mean of the narrowing keystrokes */
} Typing;

static gboolean
typing_matches (gpointer item,
                gpointer user_data)
{
  Typing *t = user_data;
  const char *key = pathways_caseload_row_get_search_text (item);

  return pathways_search_matches (key != NULL ? key : "", t->words);
}

static void
typing_set (Typing     *t,
            const char *text)
{
  GtkFilterChange change = pathways_search_narrows (t->query, text) ? GTK_FILTER_CHANGE_MORE_STRICT
                                                                     : GTK_FILTER_CHANGE_DIFFERENT;

  if (t->view != NULL)
    {
      pathways_caseload_view_set_search_text (t->view, text);
      (void) pathways_caseload_view_get_n_visible (t->view);
      return;
    }
  g_strfreev (t->words);
  t->words = pathways_search_words (text);
  g_free (t->query);
  t->query = g_strdup (text);
  gtk_filter_changed (GTK_FILTER (t->filter), change);
  (void) g_list_model_get_n_items (G_LIST_MODEL (t->filtered));
}

static void
bench_typing (gpointer data)
{
  static const char * const typed[] = { "a", "ah", "ahm", "ahma", "ahmad" };
  Typing *t = data;
  double narrowing = 0;

  typing_set (t, "");
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      typing_set (t, typed[i]);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        t->first_ms = ms;
      else
        narrowing += ms;
    }
  t->narrow_ms = narrowing / (G_N_ELEMENTS (typed) - 1);
}

static void
median_typing (Typing *t,
               double *first,
               double *narrow)
{
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) narrows = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < opt_runs; i++)
    {
      bench_typing (t);
      g_array_append_val (firsts, t->first_ms);
      g_array_append_val (narrows, t->narrow_ms);
    }
  *first = median_of (firsts);
  *narrow = median_of (narrows);
}

/* The search alone on one database: for profiling the keystroke */
static int
bench_search (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStore) store = pathways_store_open (path, NULL, &error);
  g_autoptr(GListModel) rows = NULL;
  double first, narrow;
  Typing t = { NULL };

  if (store == NULL || (rows = pathways_store_load_caseload (store, TODAY, &error)) == NULL)
    g_error ("%s", error->message);
  printf ("Pathways benchmarks — the caseload's search, %u young people, median of %d runs\n",
          g_list_model_get_n_items (rows), opt_runs);
  t.words = pathways_search_words ("");
  t.filter = gtk_custom_filter_new (typing_matches, &t, NULL);
  t.filtered = gtk_filter_list_model_new (g_object_ref (rows), GTK_FILTER (g_object_ref (t.filter)));
  median_typing (&t, &first, &narrow);
  report ("search filter, first keystroke", first);
  report ("search filter, each narrowing keystroke", narrow);
  g_object_unref (t.filtered);
  g_object_unref (t.filter);
  g_strfreev (t.words);
  g_free (t.query);
  if (gtk_init_check ())
    {
      GtkWidget *view = g_object_ref_sink (pathways_caseload_view_new (NULL));
      Typing v = { PATHWAYS_CASELOAD_VIEW (view) };

      pathways_caseload_view_set_model (v.view, rows);
      median_typing (&v, &first, &narrow);
      report ("caseload view search, first keystroke", first);
      report ("caseload view search, each narrowing one", narrow);
      g_object_unref (view);
    }
  return 0;
}

static void
bench_caseload_rows (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStoreCaseload) rows = pathways_store_load_caseload_rows (data, &error);

  if (rows == NULL)
    g_error ("%s", error->message);
}

/* The caseload load alone on one database, with its parts: for
 * profiling it against its query in the sqlite3 shell */
static int
bench_only_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStore) store = pathways_store_open (path, NULL, &error);
  double load, shell;

  if (store == NULL)
    g_error ("%s", error->message);
  printf ("Pathways benchmarks — the caseload load, median of %d runs\n", opt_runs);
  load = median_ms (bench_load, store);
  report ("load caseload model (store open)", load);
  report ("  … its rows alone (the caseload query)", median_ms (bench_caseload_rows, store));
  report ("  … the rules snapshot alone", median_ms (bench_snapshot, store));
  report ("  … all alerts (snapshot + rules)", median_ms (bench_alerts, store));
  report ("load caseload model, CPU time", median_cpu_ms (bench_load, store));
  report ("  … of all its threads", median_cpu_ms_of (bench_load, store, process_cpu_ms));
  report ("  … its rows alone, CPU time", median_cpu_ms (bench_caseload_rows, store));
  report ("  … the rules snapshot alone, CPU time", median_cpu_ms (bench_snapshot, store));
  report ("  … all alerts, CPU time", median_cpu_ms (bench_alerts, store));
  shell = shell_query_ms (path);
  report ("its query in the sqlite3 shell", shell);
  printf ("  %-44s %10.2f × (goal ≤ 3)\n", "  … caseload load ÷ sqlite3 shell", load / shell);
  return 0;
}

static int
bench_growth (const char *dir)
{
  static const guint sizes[3] = { 2000, 10000, 20000 };
  double load[3], shell[3], ratio[3], snapshot[3], alerts[3], tl_load[3], tl_layout[3];
  double key_first[3] = { NAN, NAN, NAN }, key_narrow[3] = { NAN, NAN, NAN };
  double filter_first[3], filter_narrow[3];
  gboolean display = gtk_init_check ();

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_error ("cannot make %s", dir);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("people-%u.db", sizes[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(PathwaysStore) store = pathways_store_open (path, NULL, &error);
      g_autoptr(PathwaysTimeline) timeline = NULL;
      TimelineBench tb = { 0 };

      if (store == NULL)
        g_error ("%s", error->message);
      if (pathways_store_is_empty (store))
        {
          gint64 start = g_get_monotonic_time ();

          if (!pathways_generate_people (store, sizes[i], 1, TODAY, NULL, &error))
            g_error ("%s", error->message);
          printf ("  %-44s %10.2f s (once)\n", "generate", (g_get_monotonic_time () - start) / 1e6);
        }

      load[i] = median_ms (bench_load, store);
      shell[i] = shell_query_ms (path);
      ratio[i] = load[i] / shell[i];
      snapshot[i] = median_ms (bench_snapshot, store);
      alerts[i] = median_ms (bench_alerts, store);
      tl_load[i] = median_ms (bench_timeline_load, store);
      timeline = pathways_timeline_load (store, TODAY, &error);
      if (timeline == NULL)
        g_error ("%s", error->message);
      tb.timeline = timeline;
      tl_layout[i] = median_ms (bench_timeline_layout, &tb);

      {
        g_autoptr(GListModel) rows = pathways_store_load_caseload (store, TODAY, &error);
        Typing t = { NULL };

        t.words = pathways_search_words ("");
        t.filter = gtk_custom_filter_new (typing_matches, &t, NULL);
        t.filtered = gtk_filter_list_model_new (g_object_ref (rows), GTK_FILTER (g_object_ref (t.filter)));
        median_typing (&t, &filter_first[i], &filter_narrow[i]);
        g_object_unref (t.filtered);
        g_object_unref (t.filter);
        g_strfreev (t.words);
        g_free (t.query);
      }
      if (display)
        {
          g_autoptr(GListModel) rows = pathways_store_load_caseload (store, TODAY, &error);
          GtkWidget *view = g_object_ref_sink (pathways_caseload_view_new (NULL));
          Typing t = { PATHWAYS_CASELOAD_VIEW (view) };

          pathways_caseload_view_set_model (t.view, rows);
          median_typing (&t, &key_first[i], &key_narrow[i]);
          g_object_unref (view);
        }
    }

  report_sizes ("load caseload model (store open)", load, sizes);
  report_sizes ("its query in the sqlite3 shell", shell, sizes);
  for (guint i = 0; i < 3; i++)
    {
      char label[128];

      g_snprintf (label, sizeof label, "  … caseload load ÷ sqlite3 shell, %'u", sizes[i]);
      printf ("  %-44s %10.2f × (goal ≤ 3)\n", label, ratio[i]);
    }
  report_sizes ("load rules snapshot (facts for everyone)", snapshot, sizes);
  report_sizes ("all alerts for everyone (snapshot + rules)", alerts, sizes);
  report_sizes ("load timeline (rows for everyone)", tl_load, sizes);
  report_sizes ("lay out timeline (group by PA)", tl_layout, sizes);
  report_sizes ("search filter, first keystroke", filter_first, sizes);
  report_sizes ("search filter, each narrowing keystroke", filter_narrow, sizes);
  if (display)
    {
      report_sizes ("caseload view search, first keystroke", key_first, sizes);
      report_sizes ("caseload view search, each narrowing one", key_narrow, sizes);
    }
  else
    printf ("  %-44s %13s\n", "caseload search (the view's)", "(no display)");
  return 0;
}

/* The whole import as pathways-cli does it: files read, checked and
 * merged into a plan, then written to a new SQLite store in one
 * transaction with its import log */
typedef struct {
  Return903 *r;
  char      *dir;
  char      *paths[4];
  guint      run;
} Import903;

static void
bench_903_import_store (gpointer data)
{
  Import903 *im = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("import-%u.db", im->run++);
  g_autofree char *path = g_build_filename (im->dir, name, NULL);
  g_autoptr(PathwaysStore) store = pathways_store_open (path, NULL, &error);
  Pathways903Codes codes = pathways_903_code_table_as_codes (im->r->table);
  Pathways903PlanOptions options = { 0 };
  g_autoptr(Pathways903Plan) plan = NULL;

  if (store == NULL)
    g_error ("%s", error->message);
  options.collection_year = 2026;
  plan = pathways_903_plan_build ((const char * const *) im->paths, &codes, NULL, &options, NULL, NULL, NULL, &error);
  if (plan == NULL || !pathways_903_plan_apply (store, plan, NULL, &error))
    g_error ("%s", error ? error->message : "no plan");
}

static void
bench_903_into_store (Return903 *r)
{
  Import903 im = { r, NULL, { NULL }, 0 };
  g_autoptr(GError) error = NULL;
  GString *files[] = { r->files->header, r->files->episodes, r->files->oc3 };
  const char *names[] = { "header.csv", "episodes.csv", "oc3.csv" };
  g_autofree char *label = NULL;
  double ms;

  if ((im.dir = g_dir_make_tmp ("pathways-bench-903-XXXXXX", &error)) == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < 3; i++)
    {
      im.paths[i] = g_build_filename (im.dir, names[i], NULL);
      if (!g_file_set_contents (im.paths[i], files[i]->str, (gssize) files[i]->len, &error))
        g_error ("%s", error->message);
    }
  ms = median_ms (bench_903_import_store, &im);
  label = g_strdup_printf ("903 import into a new store: %u rows", r->files->n_rows);
  report (label, ms);
  printf ("  %-44s %10.0f rows/s\n", "903 import into the store, speed", r->files->n_rows / (ms / 1000.0));

  /* Undo of each of those imports, the undo alone timed (not opening) */
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < im.run; i++)
      {
        g_autofree char *name = g_strdup_printf ("import-%u.db", i);
        g_autofree char *path = g_build_filename (im.dir, name, NULL);
        g_autoptr(PathwaysStore) store = pathways_store_open (path, NULL, &error);
        gint64 start;
        double undo_ms;

        if (store == NULL)
          g_error ("%s", error->message);
        start = g_get_monotonic_time ();
        if (!pathways_import_undo_latest (store, NULL, &error))
          g_error ("%s", error->message);
        undo_ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (times, undo_ms);
      }
    g_array_sort (times, compare_doubles);
    g_clear_pointer (&label, g_free);
    label = g_strdup_printf ("903 undo of that import: %u rows", r->files->n_rows);
    report (label, g_array_index (times, double, times->len / 2));
  }
  for (guint i = 0; i < 3; i++)
    g_free (im.paths[i]);
  {
    g_autoptr(GDir) d = g_dir_open (im.dir, 0, NULL);
    const char *f;
    while (d != NULL && (f = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *full = g_build_filename (im.dir, f, NULL);
        g_unlink (full);
      }
  }
  g_rmdir (im.dir);
  g_free (im.dir);
}

static void
bench_903 (PathwaysGenerateSize size)
{
  Return903 r;
  double ms;
  g_autofree char *name = NULL;

  return_903_init (&r, size == PATHWAYS_GENERATE_LARGE ? 60000 : 2000);
  ms = median_ms (bench_903_read, &r);
  name = g_strdup_printf ("903 import: read + check %u rows", r.files->n_rows);
  report (name, ms);
  printf ("  %-44s %10.0f rows/s\n", "903 import speed", r.files->n_rows / (ms / 1000.0));
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("903 export: %u children, cohort + check + CSV", r.children->len);
  report (name, median_ms (bench_903_export, &r));
  bench_903_into_store (&r);
  return_903_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— Pathways benchmarks");
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysStore) store = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  PathwaysGenerateSize size = PATHWAYS_GENERATE_LARGE;
  struct rusage usage;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (opt_size && !pathways_generate_size_from_string (opt_size, &size))
    {
      fprintf (stderr, "--size must be demo or large\n");
      return 2;
    }
  if (opt_runs < 1)
    opt_runs = 1;
  if (opt_startup_child != NULL)
    return startup_child (opt_startup_child);
  if (opt_only_search)
    {
      if (opt_database == NULL)
        {
          fprintf (stderr, "--only-search needs --database\n");
          return 2;
        }
      return bench_search (opt_database);
    }
  if (opt_only_load)
    {
      if (opt_database == NULL)
        {
          fprintf (stderr, "--only-load needs --database\n");
          return 2;
        }
      return bench_only_load (opt_database);
    }
  if (opt_growth != NULL)
    {
      printf ("Pathways benchmarks — growth from 2,000 to 20,000 young people, median of %d runs\n", opt_runs);
      return bench_growth (opt_growth);
    }

  if (opt_database)
    path = g_strdup (opt_database);
  else
    {
      tmpdir = g_dir_make_tmp ("pathways-bench-XXXXXX", &error);
      if (tmpdir == NULL)
        g_error ("%s", error->message);
      path = g_build_filename (tmpdir, "bench.db", NULL);
    }

  if (opt_people > 0)
    printf ("Pathways benchmarks — an authority of %d young people, median of %d runs\n", opt_people, opt_runs);
  else
    printf ("Pathways benchmarks — %s authority, median of %d runs\n",
            size == PATHWAYS_GENERATE_LARGE ? "large" : "demo", opt_runs);
  if (opt_only_903)
    {
      bench_903 (size);
      return 0;
    }

  store = pathways_store_open (path, NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (pathways_store_is_empty (store))
    {
      PathwaysGenerateStats stats;
      gint64 start = g_get_monotonic_time ();

      if (opt_people > 0 ? !pathways_generate_people (store, (guint) opt_people, 1, TODAY, &stats, &error)
                         : !pathways_generate (store, size, 1, TODAY, &stats, &error))
        g_error ("%s", error->message);
      printf ("  %-44s %10.2f ms (once: %u people, %u units, %u spells, %u milestones)\n",
              "generate", (g_get_monotonic_time () - start) / 1000.0,
              stats.n_young_people, stats.n_units, stats.n_spells, stats.n_milestones);
    }

  if (opt_postgres == NULL && g_getenv ("PATHWAYS_TEST_PG") != NULL)
    opt_postgres = g_strdup (g_getenv ("PATHWAYS_TEST_PG"));
  if (opt_only_postgres)
    {
      if (opt_postgres == NULL)
        g_error ("--only-postgres needs --postgres CONNINFO (or $PATHWAYS_TEST_PG)");
      bench_postgres (store, opt_postgres);
      g_clear_object (&store);
      goto out;
    }

  if (!opt_only_plan)
  {
    g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
    g_autofree char *here = g_path_get_dirname (self_path ? self_path : argv[0]);
    g_autofree char *app = opt_app ? g_strdup (opt_app) : g_build_filename (here, "..", "app", "pathways", NULL);
    g_autofree char *bare = opt_bare ? g_strdup (opt_bare) : g_build_filename (here, "bench-bare-window", NULL);
    char *core_argv[] = { self_path ? self_path : argv[0], (char *) "--startup-child", path, NULL };
    Startup core = { core_argv, "caseload filled" };
    gboolean display = g_file_test (app, G_FILE_TEST_IS_EXECUTABLE) && g_file_test (bare, G_FILE_TEST_IS_EXECUTABLE) &&
                       gtk_init_check ();

    /* The database is written: its pages are in the cache for every case */
    report ("start-up to caseload model filled (no window)", median_ms (bench_startup, &core));
    if (display)
      bench_startup_paired (app, bare, path);
    else
      printf ("  %-44s %13s\n", "start-up against the bare window", "(no display)");
    if (opt_only_startup)
      goto out_store;
  }
  if (!opt_only_plan)
    {
      report ("open store + load caseload model", median_ms (bench_open_and_load, path));
      report ("load caseload model (store open)", median_ms (bench_load, store));
      report ("… its rules snapshot already shared", median_ms (bench_load_shared, store));
      report ("list every unit (store open)", median_ms (bench_list_units, store));
      report ("load rules snapshot (facts for everyone)", median_ms (bench_snapshot, store));
    }
  {
    g_autoptr(GError) plan_error = NULL;
    PlanBench pb = { 0 };
    PlanExact exact = { 3 };
    PathwaysPlanOptions o;
    g_autoptr(PathwaysPlan) checked = NULL;
    g_autofree char *name = NULL;

    pb.snap = pathways_snapshot_load (store, TODAY, &plan_error);
    if (pb.snap == NULL)
      g_error ("%s", plan_error->message);
    name = g_strdup_printf ("service-wide plan, %d months (target 1000 ms)", PATHWAYS_PLAN_DEFAULT_MONTHS);
    pb.cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
    report (name, median_ms (bench_plan, &pb));
    g_array_sort (pb.cpu_ms, compare_doubles);
    report ("  its CPU time (the planning thread's)", g_array_index (pb.cpu_ms, double, pb.cpu_ms->len / 2));
    g_array_unref (pb.cpu_ms);
    report ("  of which the LEMON network simplex", pb.solver_ms);
    /* Where the exact optimum is computable in reasonable time: the first months */
    pathways_plan_options_init (&o);
    o.month_solved = exact_month_cb;
    o.month_solved_data = &exact;
    checked = pathways_plan_compute (pb.snap, &o, NULL, &plan_error);
    if (checked == NULL)
      g_error ("%s", plan_error->message);
    report ("  GLPK's exact solve of the same months", exact.glpk_ms);
    printf ("  %-56s %d months: LEMON %" G_GINT64_FORMAT ", GLPK %" G_GINT64_FORMAT ", gap %.4f %%\n",
            "plan cost against the exact optimum", exact.checked, exact.lemon, exact.exact,
            exact.exact ? 100.0 * (double) (exact.lemon - exact.exact) / (double) exact.exact : 0.0);
    pathways_snapshot_free (pb.snap);
  }
  if (opt_only_plan)
    goto out_store;
  {
    g_autoptr(GListModel) rows = pathways_store_load_caseload (store, TODAY, NULL);
    Typing t = { NULL };
    double first, narrow;

    t.words = pathways_search_words ("");
    t.filter = gtk_custom_filter_new (typing_matches, &t, NULL);
    t.filtered = gtk_filter_list_model_new (g_object_ref (rows), GTK_FILTER (g_object_ref (t.filter)));
    median_typing (&t, &first, &narrow);
    report ("caseload search filter, first keystroke", first);
    report ("caseload search filter, each narrowing one", narrow);
    g_object_unref (t.filtered);
    g_object_unref (t.filter);
    g_strfreev (t.words);
    g_free (t.query);
  }
  report ("load caseload model while a write commits", median_read_during_write (store));
  bench_durability (path);
  report ("all alerts for everyone (snapshot + rules)", median_ms (bench_alerts, store));
  report ("sufficiency figures (mix, cliff, 24 months)", median_ms (bench_sufficiency, store));

  {
    g_autoptr(PathwaysTimeline) timeline = pathways_timeline_load (store, TODAY, &error);
    guint base, sizes[3];
    PathwaysTimeline *scaled[3];
    TimelineBench at[3], sixty;
    double layout_ms[3], cairo_ms[3], nodes_ms[3], cold_nodes_ms[3], frame_ms[2][3] = { { 0 } };
    g_autofree char *name = NULL;

    if (timeline == NULL)
      g_error ("%s", error->message);
    renderers_init ();
    report ("load timeline (rows for everyone)", median_ms (bench_timeline_load, store));

    base = pathways_timeline_get_n_rows (timeline);
    sizes[0] = base;
    sizes[1] = base * 5;
    sizes[2] = base * 10;
    for (guint i = 0; i < 3; i++)
      {
        scaled[i] = i == 0 ? pathways_timeline_ref (timeline) : pathways_timeline_new_scaled (timeline, sizes[i]);
        timeline_bench_init (&at[i], scaled[i], G_MAXUINT);
        layout_ms[i] = median_ms (bench_timeline_layout, &at[i]);
        cairo_ms[i] = median_ms (bench_timeline_draw, &at[i]);
        nodes_only = TRUE;
        nodes_ms[i] = median_ms (bench_timeline_frame, &at[i]);
        cold = TRUE;
        cold_nodes_ms[i] = median_ms (bench_timeline_frame, &at[i]);
        cold = FALSE;
        nodes_only = FALSE;
        for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
          if ((renderer = renderers[r]) != NULL)
            frame_ms[r][i] = median_ms (bench_timeline_frame, &at[i]);
      }
    report_sizes ("lay out timeline (group by PA)", layout_ms, sizes);
    report_sizes ("frame's render nodes, scrolling (60 rows)", nodes_ms, sizes);
    report_sizes ("frame's render nodes, cold caches", cold_nodes_ms, sizes);
    for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
      if (renderers[r] != NULL)
        {
          name = g_strdup_printf ("frame: nodes + GSK %s renderer, scrolling", renderer_names[r]);
          report_sizes (name, frame_ms[r], sizes);
          g_clear_pointer (&name, g_free);
        }
    for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
      if ((renderer = renderers[r]) != NULL)
        {
          name = g_strdup_printf ("frame as one cairo node + GSK %s (before)", renderer_names[r]);
          report (name, median_ms (bench_timeline_cairo_node, &at[0]));
          g_clear_pointer (&name, g_free);
          name = g_strdup_printf ("GSK %s floor: one colour node, same size", renderer_names[r]);
          report (name, median_ms (bench_renderer_floor, &at[0]));
          g_clear_pointer (&name, g_free);
        }
    if (renderers[0] == NULL && renderers[1] == NULL)
      printf ("  (no display: frames not rendered, only their nodes made)\n");
    report_sizes ("frame drawn by cairo (the export's drawing)", cairo_ms, sizes);

    timeline_bench_init (&sixty, timeline, 60);
    report ("frame drawn by cairo: 60 of 60 rows", median_ms (bench_timeline_draw, &sixty));
    nodes_only = TRUE;
    report ("frame's render nodes: 60 of 60 rows", median_ms (bench_timeline_frame, &sixty));
    nodes_only = FALSE;
    timeline_bench_clear (&sixty);
    for (guint i = 0; i < 3; i++)
      {
        timeline_bench_clear (&at[i]);
        pathways_timeline_unref (scaled[i]);
      }
    for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
      if (renderers[r] != NULL)
        {
          gsk_renderer_unrealize (renderers[r]);
          g_clear_object (&renderers[r]);
        }
    renderer = NULL;
  }

  bench_903 (size);

  if (opt_postgres != NULL)
    bench_postgres (store, opt_postgres);
  else
    printf ("  %-44s %13s\n", "team server (PostgreSQL)", "(no --postgres)");

  getrusage (RUSAGE_SELF, &usage);
  printf ("  %-44s %10.1f MiB\n", "peak resident memory", usage.ru_maxrss / 1024.0);

out_store:
  g_clear_object (&store);
out:
  if (tmpdir)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmpdir);
    }
  g_free (opt_size);
  g_free (opt_database);
  g_free (opt_app);
  g_free (opt_bare);
  g_free (opt_postgres);
  return 0;
}
