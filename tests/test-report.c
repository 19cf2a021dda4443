/* test-report.c — the committee report as PDF, CSV and Excel
 *
 * A known small authority of four young people; the figures the files
 * must show were worked out by hand.  The PDF's text is read back with
 * pdftotext (poppler-utils).
 *
 *   test-report [PATH-TO-pathways-cli]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include <cairo-pdf.h>

#include "pathways-page-marking.h"
#include "pathways-report.h"
#include "test-util.h"

static char *dir;
static PathwaysStore *store;
static const char *cli_path;

static gint64
add_unit (const char *name,
          const char *kind,
          const char *area,
          gboolean    in_authority,
          const char *provider_type,
          gint64      cost)
{
  g_autoptr(PathwaysUnit) u = g_object_new (PATHWAYS_TYPE_UNIT, "name", name, "kind", kind, "area", area,
                                            "in-authority", in_authority, "provider-type", provider_type,
                                            "status", "available", "min-age", (gint64) 16,
                                            "max-age", (gint64) 25, "weekly-cost", cost,
                                            "registration", "registered", "ofsted-urn", "2000001", NULL);
  return test_add (store, PATHWAYS_RECORD (u));
}

static gint64
add_person (const char *local_id,
            const char *dob)
{
  g_autoptr(PathwaysYoungPerson) yp = test_make_person (local_id);
  g_autofree char *b14 = pathways_date_birthday (dob, 14);
  g_autofree char *b18 = pathways_date_birthday (dob, 18);

  g_object_set (yp, "date-of-birth", dob, "home-postcode", "NB1 2AB", "date-first-looked-after", b14,
                "pathway-plan-review-date", "2026-10-01", "last-contact-date", "2026-11-12",
                "needs-assessment-date", "2025-06-01", NULL);
  if (strcmp (b18, TEST_TODAY) <= 0)
    g_object_set (yp, "date-care-ended", b18, NULL);
  return test_add (store, PATHWAYS_RECORD (yp));
}

static void
add_spell (gint64      who,
           gint64      unit,
           const char *accom)
{
  g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", who, "unit-id", unit,
                                             "accom", accom, "start-date", "2026-01-01",
                                             "state", "current", NULL);
  test_add (store, PATHWAYS_RECORD (s));
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  gint64 p3;

  dir = test_make_dir ();
  store = test_open_store (dir, "report.db");
  ck_assert (pathways_store_set_setting (store, "authority_name", "Northbrook", &error));

  add_spell (add_person ("RP1", "2007-03-01"),
             add_unit ("Foyer room 1", "supported", "Northbrook Central", TRUE, "voluntary", 40000), "T");
  add_spell (add_person ("RP2", "2006-05-01"),
             add_unit ("Flat 3, Canal House", "council", "Eastfield", TRUE, "own_la", 11000), "U");
  add_spell (add_person ("RP4", "2007-08-01"),
             add_unit ("Bridgeway, Foundry Lane", "supported", "Coldharbour", FALSE, "private", 60000), "D");
  /* Turns 18 on 10/02/2027 in an agency foster placement, nothing planned */
  p3 = add_person ("RP3", "2009-02-10");
  {
    g_autoptr(PathwaysSpell) s = g_object_new (PATHWAYS_TYPE_SPELL, "young-person-id", p3,
                                               "address", "Agency foster placement", "place", "U4",
                                               "place-provider", "PR4", "weekly-cost", (gint64) 90400,
                                               "start-date", "2024-01-01", "planned-end", "2027-02-10",
                                               "state", "current", NULL);
    test_add (store, PATHWAYS_RECORD (s));
  }
}

static void
teardown (void)
{
  g_clear_object (&store);
  test_remove_dir (dir);
  g_clear_pointer (&dir, g_free);
}

static char *
write_report (PathwaysReportFormat  format,
              const char           *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysSufficiency) s = pathways_sufficiency_compute (store, TEST_TODAY, &error);
  char *path = g_build_filename (dir, name, NULL);

  ck_assert_no_error (error);
  ck_assert (pathways_report_write (s, format, path, &error));
  ck_assert_no_error (error);
  {
    /* Reports can name young people: private to the user */
    GStatBuf st;
    ck_assert_int_eq (g_stat (path, &st), 0);
    ck_assert_int_eq (st.st_mode & 0777, 0600);
  }
  return path;
}

static char *
read_file (const char *path,
           gsize      *out_len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  ck_assert (g_file_get_contents (path, &contents, out_len, &error));
  ck_assert_no_error (error);
  return contents;
}

static char *
pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  int status = 0;
  char *squeezed;
  GRegex *spaces;

  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                               &status, &error), "pdftotext: %s", error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "pdftotext failed: %s", err);
  /* One space between words, whatever the layout */
  spaces = g_regex_new ("[ \\t]+", 0, 0, NULL);
  squeezed = g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
  g_regex_unref (spaces);
  return squeezed;
}

#define ck_assert_contains(haystack, needle) \
  ck_assert_msg (strstr ((haystack), (needle)) != NULL, "“%s” not found", (needle))

START_TEST (test_not_recorded_is_grey)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysSufficiency) s = pathways_sufficiency_compute (store, TEST_TODAY, &error);
  g_autoptr(PathwaysChartData) mix = NULL;

  ck_assert_no_error (error);
  /* In-house, external, not recorded: the last is neither good nor bad */
  mix = pathways_report_chart (s, PATHWAYS_REPORT_CHART_MIX);
  ck_assert_uint_eq (mix->n_series, 3);
  ck_assert_str_eq (mix->series[2], "Not recorded");
  ck_assert_uint_eq (mix->neutral_series, 1u << 2);
}
END_TEST


/* Need and supply as running totals: never falling, so the places free
 * now (in the first month) do not dwarf the rest, ending at the totals
 * of the gap table; the line is the gap between them */
START_TEST (test_demand_charts_are_running_totals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PathwaysSufficiency) s = pathways_sufficiency_compute (store, TEST_TODAY, &error);

  ck_assert_no_error (error);
  for (int k = 0; k < PATHWAYS_N_FORECAST_STAGES; k++)
    {
      g_autoptr(PathwaysChartData) d = pathways_report_chart (s, PATHWAYS_REPORT_CHART_DEMAND_SUPPORTED + k);
      guint last = PATHWAYS_SUFFICIENCY_MONTHS - 1;

      ck_assert_uint_eq (d->n_categories, PATHWAYS_SUFFICIENCY_MONTHS);
      ck_assert_ptr_nonnull (d->line);
      for (guint m = 1; m < d->n_categories; m++)
        {
          ck_assert (pathways_chart_data_get (d, 0, m) >= pathways_chart_data_get (d, 0, m - 1));
          ck_assert (pathways_chart_data_get (d, 1, m) >= pathways_chart_data_get (d, 1, m - 1));
        }
      for (guint m = 0; m < d->n_categories; m++)
        ck_assert (d->line[m] == MAX (0, pathways_chart_data_get (d, 0, m) - pathways_chart_data_get (d, 1, m)));
      ck_assert_int_eq ((int) pathways_chart_data_get (d, 0, last), s->gaps[k].demand);
      ck_assert_int_eq ((int) pathways_chart_data_get (d, 1, last), s->gaps[k].supply);
    }
  ck_assert_ptr_nonnull (strstr (pathways_report_demand_explanation (), "first month includes the places free now"));
}
END_TEST

START_TEST (test_pdf_has_the_figures)
{
  g_autofree char *path = write_report (PATHWAYS_REPORT_PDF, "report.pdf");
  g_autofree char *head = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  head = read_file (path, &len);
  ck_assert_uint_gt (len, 1000);
  ck_assert (g_str_has_prefix (head, "%PDF-"));

  text = pdf_text (path);
  /* Title page: the authority and the date in UK form */
  ck_assert_contains (text, "Northbrook");
  ck_assert_contains (text, "Figures as at 22/11/2026");
  /* The mix table, as seed 004 §5.8.3: kind, %, number */
  ck_assert_contains (text, "Provision type % Number");
  ck_assert_contains (text, "Supported accommodation 50% 2");
  ck_assert_contains (text, "Independent: council tenancy 25% 1");
  ck_assert_contains (text, "Independent fostering agency 25% 1");
  ck_assert_contains (text, "Total 100% 4");
  /* Location: 2 of the 3 in register units inside the authority, 1 far */
  ck_assert_contains (text, "67% live inside the authority");
  ck_assert_contains (text, "33% more than 20 miles from home");
  /* Costs: supported (£400 + £600) / 2, everyone £2,014 a week */
  ck_assert_contains (text, "Supported accommodation 2 2 £500 £1,000");
  ck_assert_contains (text, "Total 4 4 £503.50 £2,014");
  /* Cliff edge: one in 3 months, no route yet */
  ck_assert_contains (text, "None yet 1 1 1");
  /* Compliance is counted, and no young person is named */
  ck_assert_contains (text, "Pathway plan reviews overdue 0 0 0 0");
  ck_assert (strstr (text, "RP1") == NULL);
  /* Notes on method */
  ck_assert_contains (text, "Notes on method");
}
END_TEST

/* Binary-safe: a PDF has NUL bytes in its streams */
static gboolean
raw_has (const char *raw,
         gsize       len,
         const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (raw[i] == needle[0] && memcmp (raw + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* A paper that may be published: marked on every page, with contents
 * that link to the sections, an outline, tagged structure, and months
 * with their year in full */
START_TEST (test_pdf_is_marked_and_navigable)
{
  g_autofree char *path = write_report (PATHWAYS_REPORT_PDF, "navigable.pdf");
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GRegex) short_year = g_regex_new ("\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{2}\\b", 0, 0, NULL);
  g_autoptr(GRegex) pages_re = g_regex_new ("Pages: +([0-9]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *pages = NULL;
  int status = 0;
  guint marks = 0;
  gsize len = 0;

  raw = read_file (path, &len);
  text = pdf_text (path);
  ck_assert_contains (text, "OFFICIAL-SENSITIVE");
  ck_assert_contains (text, "Contents");
  ck_assert_contains (text, "Nov 2026");
  ck_assert_msg (!g_regex_match (short_year, text, 0, NULL), "a month with a two-digit year");
  for (const char *p = text; (p = strstr (p, "OFFICIAL-SENSITIVE")) != NULL; p++)
    marks++;

  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, &status, NULL));
  ck_assert (g_regex_match (pages_re, info, 0, &match));
  pages = g_match_info_fetch (match, 1);
  /* Head and foot of every page */
  ck_assert_uint_eq (marks, 2 * (guint) g_ascii_strtoull (pages, NULL, 10));

  /* Outline, links to named destinations, structure */
#define RAW_HAS(needle) raw_has (raw, len, (needle))
  ck_assert (RAW_HAS ("/Outlines"));
  ck_assert (RAW_HAS ("section-0"));
  ck_assert (RAW_HAS ("/StructTreeRoot"));
  ck_assert (RAW_HAS ("/S /H1"));
#undef RAW_HAS
}
END_TEST

/* The one drawing of every printed page's head and foot (the report's PDF
 * and printing, a young person's summary): the marking centred in the top
 * margin and at the left of the foot, the page's own line at the right of
 * the foot, all inside the page */
START_TEST (test_page_marking_head_and_foot)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "pathways-test-marking.pdf", NULL);
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
                                        "yMax=\"([0-9.]+)\">([^<]*)</word>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  const double w = 595.276, h = 841.890, margin = 56.0;
  guint heads = 0, feet = 0, numbers = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  int status = 0;

  surface = cairo_pdf_surface_create (path, w, h);
  cr = cairo_create (surface);
  pathways_page_marking_draw_head (cr, w, margin);
  pathways_page_marking_draw_foot (cr, w, h, margin, "Summary · Page 2 of 3");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ck_assert_int_eq (cairo_surface_status (surface), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL));
  ck_assert (g_spawn_check_wait_status (status, NULL));
  for (g_regex_match (word, out, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *x0s = g_match_info_fetch (match, 1), *y0s = g_match_info_fetch (match, 2);
      g_autofree char *x1s = g_match_info_fetch (match, 3), *y1s = g_match_info_fetch (match, 4);
      g_autofree char *text = g_match_info_fetch (match, 5);
      double x0 = g_ascii_strtod (x0s, NULL), y0 = g_ascii_strtod (y0s, NULL);
      double x1 = g_ascii_strtod (x1s, NULL), y1 = g_ascii_strtod (y1s, NULL);

      ck_assert_msg (x0 >= 0 && x1 <= w && y0 >= 0 && y1 <= h, "“%s” off the page", text);
      if (g_str_equal (text, PATHWAYS_PROTECTIVE_MARKING) && y1 <= margin)
        {
          heads++;
          /* centred */
          ck_assert_msg (ABS ((x0 + x1) / 2 - w / 2) < 1.0, "the head's marking is not centred");
        }
      else if (g_str_equal (text, PATHWAYS_PROTECTIVE_MARKING) && y0 >= h - margin)
        {
          feet++;
          ck_assert_msg (ABS (x0 - margin) < 1.0, "the foot's marking is not at the left margin");
        }
      else if (g_str_equal (text, "3"))
        {
          numbers++;
          ck_assert_msg (y0 >= h - margin && ABS (x1 - (w - margin)) < 1.0,
                         "the page number is not at the right of the foot");
        }
    }
  ck_assert_uint_eq (heads, 1);
  ck_assert_uint_eq (feet, 1);
  ck_assert_uint_eq (numbers, 1);
  g_unlink (path);
}
END_TEST

START_TEST (test_csv_has_every_table)
{
  g_autofree char *path = write_report (PATHWAYS_REPORT_CSV, "report.csv");
  g_autofree char *csv = NULL;
  gsize len = 0;

  csv = read_file (path, &len);
  ck_assert_uint_gt (len, 100);
  ck_assert (g_str_has_prefix (csv, "Accommodation mix on 22/11/2026\r\nProvision type,%,Number\r\n"));
  ck_assert_contains (csv, "Supported accommodation,50.0,2\r\n");
  ck_assert_contains (csv, "Total,100.0,4\r\n");
  ck_assert_contains (csv, "Supported accommodation,2,2,500.00,1000.00\r\n");
  ck_assert_contains (csv, "\r\nWhere young people live\r\n");
  ck_assert_contains (csv, "\r\nDemand and supply by month\r\n");
  ck_assert_contains (csv, "\r\nPlaces to commission over the next 24 months\r\n");
  ck_assert_contains (csv, "None yet,1,1,1\r\n");
}
END_TEST

static gboolean
has_bytes (const char *data,
           gsize       len,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

START_TEST (test_xlsx_is_a_workbook)
{
  g_autofree char *path = write_report (PATHWAYS_REPORT_XLSX, "report.xlsx");
  g_autofree char *data = NULL;
  gsize len = 0;

  data = read_file (path, &len);
  ck_assert_uint_gt (len, 1000);
  /* A zip (PK), with the parts of an Office Open XML workbook */
  ck_assert (data[0] == 'P' && data[1] == 'K');
  ck_assert (has_bytes (data, len, "[Content_Types].xml"));
  ck_assert (has_bytes (data, len, "xl/worksheets/sheet9.xml"));
}
END_TEST

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!pathways_report_export_finish (PATHWAYS_STORE (source), result, error))
    g_assert (*error != NULL);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");  /* a marker: finished */
}

START_TEST (test_export_async_writes_the_file)
{
  g_autofree char *path = g_build_filename (dir, "async.xlsx", NULL);
  g_autoptr(GError) outcome = NULL;

  pathways_report_export_async (store, TEST_TODAY, PATHWAYS_REPORT_XLSX, path, NULL, exported_cb, &outcome);
  /* Bounded: at most ~20 s */
  for (guint i = 0; i < 4000 && outcome == NULL; i++)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
  ck_assert_ptr_nonnull (outcome);
  ck_assert_msg (g_error_matches (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS), "%s", outcome->message);
  ck_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}
END_TEST

START_TEST (test_cli_report)
{
  g_autofree char *db = g_strdup (pathways_store_get_path (store));
  g_autofree char *out = g_build_filename (dir, "cli.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "cli.csv", NULL);
  g_autofree char *stderr_text = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (cli_path == NULL)
    return;

  {
    const char *argv[] = { cli_path, "report", "--database", db, "--date", "22/11/2026", "--format", "xlsx",
                           "--output", out, NULL };
    ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &stderr_text, &status, &error));
    ck_assert_msg (g_spawn_check_wait_status (status, NULL), "%s", stderr_text);
    ck_assert (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  }
  {
    /* The format from the file name */
    g_autofree char *contents = NULL;
    const char *argv[] = { cli_path, "report", "--database", db, "--date", "2026-11-22", "--output", csv, NULL };
    g_clear_pointer (&stderr_text, g_free);
    ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &stderr_text, &status, &error));
    ck_assert_msg (g_spawn_check_wait_status (status, NULL), "%s", stderr_text);
    contents = read_file (csv, NULL);
    ck_assert_contains (contents, "Supported accommodation,50.0,2\r\n");
  }
  {
    /* A format it does not know: an error, nothing written */
    g_autofree char *bad = g_build_filename (dir, "cli.doc", NULL);
    const char *argv[] = { cli_path, "report", "--database", db, "--output", bad, NULL };
    g_clear_pointer (&stderr_text, g_free);
    ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &stderr_text, &status, &error));
    ck_assert (!g_spawn_check_wait_status (status, NULL));
    ck_assert (!g_file_test (bad, G_FILE_TEST_EXISTS));
  }
}
END_TEST

static Suite *
report_suite (void)
{
  Suite *s = suite_create ("report");
  TCase *tc = tcase_create ("files");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_pdf_has_the_figures);
  tcase_add_test (tc, test_pdf_is_marked_and_navigable);
  tcase_add_test (tc, test_page_marking_head_and_foot);
  tcase_add_test (tc, test_not_recorded_is_grey);
  tcase_add_test (tc, test_demand_charts_are_running_totals);
  tcase_add_test (tc, test_csv_has_every_table);
  tcase_add_test (tc, test_xlsx_is_a_workbook);
  tcase_add_test (tc, test_export_async_writes_the_file);
  tcase_add_test (tc, test_cli_report);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int   argc,
      char *argv[])
{
  cli_path = argc > 1 ? argv[1] : NULL;
  return test_run_suite (report_suite ());
}
