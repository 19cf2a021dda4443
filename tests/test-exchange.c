/* test-exchange.c — reading and writing the SSDA903 return, Annex A and stock lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "test-util.h"
#include "pathways-csv.h"
#include "pathways-903.h"
#include "pathways-903-codes.h"
#include "pathways-903-export.h"
#include "pathways-903-import.h"
#include "pathways-903-plan.h"
#include "pathways-903-synthetic.h"
#include "pathways-annex-a.h"
#include "pathways-annex-a-xlsx.h"
#include "pathways-oc3-facts.h"
#include "pathways-postgres-store-private.h"
#include "pathways-generator.h"
#include "pathways-rules.h"
#include "pathways-snapshot.h"
#include "pathways-stock-import.h"

static Pathways903CodeTable *table;
static Pathways903Codes codes;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  table = pathways_903_code_table_load_default (&error);
  ck_assert_no_error (error);
  codes = pathways_903_code_table_as_codes (table);
}

static void
teardown (void)
{
  g_clear_pointer (&table, pathways_903_code_table_unref);
}

/* CSV ------------------------------------------------------------------------ */

typedef struct {
  GPtrArray *rows;   /* GStrv, the row number first */
} Collected;

static gboolean
collect_cb (const PathwaysCsvRow  *row,
            gpointer               user_data,
            GError               **error)
{
  Collected *c = user_data;
  GStrvBuilder *b = g_strv_builder_new ();
  char number[16];

  g_snprintf (number, sizeof number, "%u", row->row);
  g_strv_builder_add (b, number);
  for (guint i = 0; i < row->n_fields; i++)
    g_strv_builder_add (b, row->fields[i]);
  g_ptr_array_add (c->rows, g_strv_builder_end (b));
  g_strv_builder_unref (b);
  return TRUE;
}

static GPtrArray *
parse (const char           *text,
       gsize                 length,
       PathwaysCsvLimits    *limits,
       PathwaysCsvEncoding  *encoding,
       GError              **error)
{
  Collected c = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev) };

  if (!pathways_csv_parse_bytes ("test.csv", text, length, limits, collect_cb, &c, encoding, NULL, error))
    {
      g_ptr_array_unref (c.rows);
      return NULL;
    }
  return c.rows;
}

static const char *
cell (GPtrArray *rows,
      guint      r,
      guint      f)
{
  char **row = g_ptr_array_index (rows, r);
  ck_assert_uint_le (f + 1, g_strv_length (row));
  return row[f + 1];
}

static guint
row_number (GPtrArray *rows,
            guint      r)
{
  return (guint) g_ascii_strtoull (((char **) g_ptr_array_index (rows, r))[0], NULL, 10);
}

START_TEST (test_csv_quoting_newlines_crlf)
{
  const char text[] = "\xEF\xBB\xBF" "A,B,C\r\n"
                      "1,\"two, with comma\",\"say \"\"hi\"\"\"\r\n"
                      "\r\n"
                      "x,\"line one\nline two\",z\r\n"
                      "short\r\n"
                      ",,\r\n"
                      "last,row,here\r\n\r\n\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PathwaysCsvEncoding enc = PATHWAYS_CSV_ENCODING_WINDOWS_1252;

  rows = parse (text, strlen (text), NULL, &enc, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (enc, PATHWAYS_CSV_ENCODING_UTF8);
  ck_assert_uint_eq (rows->len, 5);
  /* The BOM is not part of the first column's name */
  ck_assert_str_eq (cell (rows, 0, 0), "A");
  ck_assert_uint_eq (row_number (rows, 0), 1);
  ck_assert_str_eq (cell (rows, 1, 1), "two, with comma");
  ck_assert_str_eq (cell (rows, 1, 2), "say \"hi\"");
  ck_assert_uint_eq (row_number (rows, 1), 2);
  /* The blank line is row 3, as a spreadsheet counts */
  ck_assert_str_eq (cell (rows, 2, 1), "line one\nline two");
  ck_assert_uint_eq (row_number (rows, 2), 4);
  /* A ragged row is delivered as it is */
  ck_assert_uint_eq (g_strv_length (g_ptr_array_index (rows, 3)), 2);
  ck_assert_uint_eq (row_number (rows, 3), 5);
  /* The row of empty values (6) is skipped, but counted */
  ck_assert_str_eq (cell (rows, 4, 0), "last");
  ck_assert_uint_eq (row_number (rows, 4), 7);
}
END_TEST

START_TEST (test_csv_windows_1252)
{
  /* "Zoë" and "£5" in Windows-1252 */
  const char text[] = "NAME,COST\nZo\xEB,\xA3" "5\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PathwaysCsvEncoding enc = PATHWAYS_CSV_ENCODING_UTF8;

  rows = parse (text, strlen (text), NULL, &enc, &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (enc, PATHWAYS_CSV_ENCODING_WINDOWS_1252);
  ck_assert_str_eq (cell (rows, 1, 0), "Zoë");
  ck_assert_str_eq (cell (rows, 1, 1), "£5");
}
END_TEST

START_TEST (test_csv_bad_input_clear_errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PathwaysCsvLimits limits = { .max_field_length = 10, .max_rows = 3 };
  g_autofree char *long_field = NULL;

  /* Neither UTF-8 nor Windows-1252: 0x81 is undefined in both */
  rows = parse ("A\nok\nbad\x81\n", 10, NULL, NULL, &error);
  ck_assert_ptr_null (rows);
  ck_assert (g_error_matches (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_ENCODING));
  ck_assert_msg (strstr (error->message, "test.csv row 3") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "0x81") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* A quote never closed */
  rows = parse ("A,B\n1,\"open\n2,3\n", 16, NULL, NULL, &error);
  ck_assert_ptr_null (rows);
  ck_assert (g_error_matches (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_UNCLOSED_QUOTE));
  ck_assert_msg (strstr (error->message, "row 2") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* A value past the bound: file, row, column and the start of the value */
  long_field = g_strdup ("A,B\nok,abcdefghijklmnop\n");
  rows = parse (long_field, strlen (long_field), &limits, NULL, &error);
  ck_assert_ptr_null (rows);
  ck_assert (g_error_matches (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_FIELD_TOO_LONG));
  ck_assert_msg (strstr (error->message, "test.csv row 2, column B") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "abcdefghij") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* Too many rows */
  rows = parse ("A\n1\n2\n3\n4\n", 10, &limits, NULL, &error);
  ck_assert_ptr_null (rows);
  ck_assert (g_error_matches (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_TOO_MANY_ROWS));
  g_clear_error (&error);

  /* Empty, or only blank lines */
  rows = parse ("\r\n\r\n", 4, NULL, NULL, &error);
  ck_assert_ptr_null (rows);
  ck_assert (g_error_matches (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_EMPTY));
  g_clear_error (&error);

  /* A NUL byte: not text */
  rows = parse ("A\n\0\n", 4, NULL, NULL, &error);
  ck_assert_ptr_null (rows);
  ck_assert (g_error_matches (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_ENCODING));
}
END_TEST

START_TEST (test_csv_write_quotes_only_when_needed)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *values[] = { "plain", "a,b", "say \"x\"", "two\nlines", "", " padded" };

  pathways_csv_append_row (out, values, G_N_ELEMENTS (values));
  ck_assert_str_eq (out->str, "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",,\" padded\"\r\n");
}
END_TEST

/* Code lists ----------------------------------------------------------------- */

START_TEST (test_codes_valid_on_their_dates)
{
  Pathways903CodeAnswer a;

  ck_assert_uint_ge (pathways_903_code_table_get_version (table), 1);

  pathways_903_codes_lookup (&codes, "PLACE", "P2", "2023-10-27", &a);
  ck_assert (a.known && a.valid);
  pathways_903_codes_lookup (&codes, "PLACE", "P2", "2023-10-28", &a);
  ck_assert (a.known && !a.valid);
  ck_assert_str_eq (a.valid_to, "2023-10-28");

  pathways_903_codes_lookup (&codes, "PLACE", "K3", "2024-03-31", &a);
  ck_assert (a.known && !a.valid);
  ck_assert_str_eq (a.valid_from, "2024-04-01");
  pathways_903_codes_lookup (&codes, "PLACE", "K3", "2024-04-01", &a);
  ck_assert (a.valid);

  pathways_903_codes_lookup (&codes, "PLACE", "H5", "2025-03-31", &a);
  ck_assert (a.valid);
  pathways_903_codes_lookup (&codes, "PLACE", "H5", "2025-04-01", &a);
  ck_assert (!a.valid);
  pathways_903_codes_lookup (&codes, "PLACE", "Z1", "2025-04-01", &a);
  ck_assert (!a.valid);
  pathways_903_codes_lookup (&codes, "PLACE", "Z12", "2025-04-01", &a);
  ck_assert (a.valid);
  pathways_903_codes_lookup (&codes, "PLACE", "Z12", "2025-03-31", &a);
  ck_assert (!a.valid);

  pathways_903_codes_lookup (&codes, "ACCOM", "S", NULL, &a);
  ck_assert (a.valid && a.unsuitable_only);
  pathways_903_codes_lookup (&codes, "ACCOM", "U", NULL, &a);
  ck_assert (a.valid && !a.unsuitable_only);

  pathways_903_codes_lookup (&codes, "PLACE", "Q9", "2025-04-01", &a);
  ck_assert (!a.known);

  /* Every list the brief names is there */
  {
    const char *lists[][2] = {
      { "PLACE", "U1" }, { "PLACE_PROVIDER", "PR4" }, { "LS", "C2" }, { "RNE", "S" }, { "CIN", "N1" },
      { "REC", "E17" }, { "REASON_PLACE_CHANGE", "CARPL" }, { "IN_TOUCH", "RHOM" }, { "ACTIV", "G6" },
      { "ACCOM", "Z" }, { "SEX", "M" }, { "ETHNIC", "WBRI" }, { "REVIEW_CODE", "PN7" }, { "MISSING", "A" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      {
        pathways_903_codes_lookup (&codes, lists[i][0], lists[i][1], "2025-06-01", &a);
        ck_assert_msg (a.known && a.valid, "%s %s", lists[i][0], lists[i][1]);
        ck_assert_ptr_nonnull (pathways_903_code_table_get_meaning (table, lists[i][0], lists[i][1]));
      }
  }
}
END_TEST

START_TEST (test_codes_table_filled_by_hand)
{
  /* As the store will fill it from ref_code */
  g_autoptr(Pathways903CodeTable) t = pathways_903_code_table_new ();
  Pathways903Codes c = pathways_903_code_table_as_codes (t);
  Pathways903CodeAnswer a;

  ck_assert (pathways_903_code_table_add (t, "PLACE", "P2", "Independent living", NULL, "2023-10-28", FALSE));
  ck_assert (!pathways_903_code_table_add (t, "PLACE", "K3", "x", "01/04/2024", NULL, FALSE));
  pathways_903_codes_lookup (&c, "PLACE", "P2", "2023-10-28", &a);
  ck_assert (a.known && !a.valid);
  ck_assert_str_eq (a.valid_to, "2023-10-28");
  pathways_903_codes_lookup (&c, "PLACE", "K3", "2024-10-28", &a);
  ck_assert (!a.known);
  ck_assert_str_eq (pathways_903_code_table_get_meaning (t, "PLACE", "P2"), "Independent living");
}
END_TEST

START_TEST (test_codes_file_errors_say_where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Pathways903CodeTable) t = NULL;
  const char no_version[] = "list,code,meaning,valid_from,valid_to,unsuitable_only\nPLACE,U1,x,,,0\n";
  const char bad_date[] = "# ssda903-codes version 2\nlist,code,meaning,valid_from,valid_to,unsuitable_only\n"
                          "PLACE,U1,x,01/04/2024,,0\n";

  t = pathways_903_code_table_new_from_data ("codes.csv", no_version, strlen (no_version), &error);
  ck_assert_ptr_null (t);
  ck_assert_msg (strstr (error->message, "version") != NULL, "%s", error->message);
  g_clear_error (&error);

  t = pathways_903_code_table_new_from_data ("codes.csv", bad_date, strlen (bad_date), &error);
  ck_assert_ptr_null (t);
  ck_assert_msg (strstr (error->message, "codes.csv row 3") != NULL, "%s", error->message);
}
END_TEST

/* Reading the return --------------------------------------------------------- */

#define HEADER_COLS "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
#define EPISODE_COLS "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
#define OC3_COLS "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"

static Pathways903Data *
read_tables (const char * const *names,
             const char * const *texts,
             guint               n,
             int                 year)
{
  Pathways903Data *d = pathways_903_data_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      pathways_903_read_table (d, names[i], texts[i], strlen (texts[i]), NULL, NULL, NULL, NULL, &error);
      ck_assert_no_error (error);
    }
  pathways_903_data_check (d, &codes, year);
  return d;
}

static Pathways903Data *
read_one (const char *name,
          const char *text,
          int         year)
{
  return read_tables (&name, &text, 1, year);
}

/* The problem whose message contains @needle, or NULL */
static PathwaysExchangeProblem *
find_problem (GPtrArray  *problems,
              const char *needle)
{
  for (guint i = 0; i < problems->len; i++)
    {
      PathwaysExchangeProblem *p = g_ptr_array_index (problems, i);
      if (strstr (p->message, needle) != NULL)
        return p;
    }
  return NULL;
}

/* find_problem() of a problem that must be there */
static PathwaysExchangeProblem *
get_problem (GPtrArray  *problems,
             const char *needle)
{
  PathwaysExchangeProblem *p = find_problem (problems, needle);

  if (p == NULL)
    ck_abort_msg ("no problem “%s”", needle);
  return p;
}

static char *
all_messages (GPtrArray *problems)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (s, "%s\n", ((PathwaysExchangeProblem *) g_ptr_array_index (problems, i))->message);
  return g_string_free (s, FALSE);
}

#define assert_problem(problems, needle) \
  G_STMT_START { \
    g_autofree char *all_ = all_messages (problems); \
    ck_assert_msg (find_problem (problems, needle) != NULL, "no problem “%s” in:\n%s", needle, all_); \
  } G_STMT_END

START_TEST (test_recognise_by_columns_not_names)
{
  const char *t1[] = { "CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB" };
  const char *t2[] = { "DOB", "CHILD", "ACCOM", "ACTIV", "IN_TOUCH" };
  const char *t3[] = { "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
                       "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
                       "INTERVENTION_OFFERED" };
  const char *t4[] = { "CHILD", "DOB", "IN_TOUCH", "ACTIV" };
  const char *t5[] = { "Name", "Address" };
  g_autofree char *why = NULL;

  ck_assert_int_eq (pathways_903_recognise (t1, G_N_ELEMENTS (t1), NULL), PATHWAYS_903_TABLE_HEADER);
  ck_assert_int_eq (pathways_903_recognise (t2, G_N_ELEMENTS (t2), NULL), PATHWAYS_903_TABLE_OC3);
  ck_assert_int_eq (pathways_903_recognise (t3, G_N_ELEMENTS (t3), NULL), PATHWAYS_903_TABLE_OC2);
  ck_assert (!pathways_903_table_is_read (PATHWAYS_903_TABLE_OC2));
  ck_assert_int_eq (pathways_903_recognise (t4, G_N_ELEMENTS (t4), &why), PATHWAYS_903_TABLE_NONE);
  ck_assert_msg (strstr (why, "OC3") && strstr (why, "ACCOM"), "%s", why);
  g_clear_pointer (&why, g_free);
  ck_assert_int_eq (pathways_903_recognise (t5, G_N_ELEMENTS (t5), &why), PATHWAYS_903_TABLE_NONE);
  ck_assert_msg (strstr (why, "not a 903 table") != NULL, "%s", why);
}
END_TEST

START_TEST (test_read_files_whatever_their_names)
{
  const char *names[] = { "export-1.csv", "export-2.csv", "health.csv", "notes.csv" };
  const char *texts[] = {
    HEADER_COLS "C1,M,01/05/2008,WBRI,A123456789012,,\n",
    EPISODE_COLS "C1,01/06/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,AB1 3EF,\n",
    "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
    "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\nC1,01/05/2008,1,,0,1,1,1,1,0,,\n",
    "Name,Note\nx,y\n",
  };
  g_autoptr(Pathways903Data) d = read_tables (names, texts, G_N_ELEMENTS (names), 2025);
  Pathways903Episode *e;

  ck_assert_uint_eq (d->children->len, 1);
  ck_assert_uint_eq (d->episodes->len, 1);
  ck_assert_uint_eq (d->n_errors, 0);
  e = g_ptr_array_index (d->episodes, 0);
  ck_assert_str_eq (e->decom, "2024-06-01");
  ck_assert_ptr_null (e->dec);
  ck_assert_str_eq (e->place, "U4");
  ck_assert_str_eq (e->home_post, "AB1 2CD");
  assert_problem (d->problems, "health.csv: ignored: it is the OC2 table");
  assert_problem (d->problems, "notes.csv: not a 903 table");
}
END_TEST

/* Every code list violated once, each with file, row, column and value */
START_TEST (test_every_code_list_violated_once)
{
  const char *names[] = { "header.csv", "episodes.csv", "oc3.csv", "reviews.csv", "missing.csv" };
  const char *texts[] = {
    HEADER_COLS
    "H1,Q,01/05/2008,WBRI,,,\n"       /* row 2: SEX */
    "H2,M,01/05/2008,ZZZZ,,,\n",      /* row 3: ETHNIC */
    EPISODE_COLS
    "E1,01/06/2024,Q,C2,N1,U4,PR1,,,,,,\n"        /* 2: RNE */
    "E2,01/06/2024,S,Q9,N1,U4,PR1,,,,,,\n"        /* 3: LS */
    "E3,01/06/2024,S,C2,N9,U4,PR1,,,,,,\n"        /* 4: CIN */
    "E4,01/06/2024,S,C2,N1,Q1,PR1,,,,,,\n"        /* 5: PLACE */
    "E5,01/06/2024,S,C2,N1,U4,PR9,,,,,,\n"        /* 6: PLACE_PROVIDER */
    "E6,01/06/2024,S,C2,N1,U4,PR1,01/07/2024,E99,,,,\n"  /* 7: REC */
    "E7,01/06/2024,S,C2,N1,U4,PR1,,,WHIM,,,\n",   /* 8: REASON_PLACE_CHANGE */
    OC3_COLS
    "O1,01/05/2006,MAYBE,F1,U1\n"     /* 2: IN_TOUCH */
    "O2,01/05/2006,YES,F3,U1\n"       /* 3: ACTIV (retired 2019) */
    "O3,01/05/2006,YES,F1,Q1\n"       /* 4: ACCOM letter */
    "O4,01/05/2006,YES,F1,S1\n",      /* 5: ACCOM S only with 2 */
    "CHILD,DOB,REVIEW,REVIEW_CODE\nR1,01/05/2010,01/06/2024,PN9\n",
    "CHILD,DOB,MISSING,MIS_START,MIS_END\nM1,01/05/2010,Q,01/06/2024,02/06/2024\n",
  };
  g_autoptr(Pathways903Data) d = read_tables (names, texts, G_N_ELEMENTS (names), 2025);

  assert_problem (d->problems, "header.csv row 2, SEX ‘Q’: not a code of the DfE SEX list");
  assert_problem (d->problems, "header.csv row 3, ETHNIC ‘ZZZZ’: not a code of the DfE ETHNIC list");
  assert_problem (d->problems, "episodes.csv row 2, RNE ‘Q’");
  assert_problem (d->problems, "episodes.csv row 3, LS ‘Q9’");
  assert_problem (d->problems, "episodes.csv row 4, CIN ‘N9’");
  assert_problem (d->problems, "episodes.csv row 5, PLACE ‘Q1’");
  assert_problem (d->problems, "episodes.csv row 6, PLACE_PROVIDER ‘PR9’");
  assert_problem (d->problems, "episodes.csv row 7, REC ‘E99’");
  assert_problem (d->problems, "episodes.csv row 8, REASON_PLACE_CHANGE ‘WHIM’");
  assert_problem (d->problems, "oc3.csv row 2, IN_TOUCH ‘MAYBE’");
  assert_problem (d->problems, "oc3.csv row 3, ACTIV ‘F3’: not valid after 31/03/2019");
  assert_problem (d->problems, "oc3.csv row 4, ACCOM ‘Q1’");
  assert_problem (d->problems, "oc3.csv row 5, ACCOM ‘S1’: S can only be recorded as not suitable (S2)");
  assert_problem (d->problems, "reviews.csv row 2, REVIEW_CODE ‘PN9’");
  assert_problem (d->problems, "missing.csv row 2, MISSING ‘Q’");

  /* Every one is an error with its place, and marks its row bad */
  for (guint i = 0; i < d->episodes->len; i++)
    ck_assert (((Pathways903Episode *) g_ptr_array_index (d->episodes, i))->src.bad);
  {
    PathwaysExchangeProblem *p = get_problem (d->problems, "episodes.csv row 5");
    ck_assert_int_eq (p->severity, PATHWAYS_PROBLEM_ERROR);
    ck_assert_str_eq (p->file, "episodes.csv");
    ck_assert_uint_eq (p->row, 5);
    ck_assert_str_eq (p->column, "PLACE");
    ck_assert_str_eq (p->value, "Q1");
    ck_assert_str_eq (p->child, "E4");
  }
}
END_TEST

START_TEST (test_codes_checked_on_the_rows_own_dates)
{
  g_autoptr(Pathways903Data) d = read_one ("episodes.csv",
    EPISODE_COLS
    "A,01/05/2025,S,C2,N1,H5,PR4,,,,,,\n"            /* 2: H5 gone from 2025/26 */
    "B,01/05/2024,S,C2,N1,H5,PR4,01/03/2025,E8,,,,\n"  /* 3: H5 in 2024/25: fine */
    "C,01/03/2024,S,C2,N1,K3,PR4,01/03/2025,E8,,,,\n"  /* 4: K3 before it existed */
    "D,01/09/2023,S,C2,N1,P2,PR4,,,,,,\n"            /* 5: P2 still open after 27/10/2023 */
    "E,01/05/2025,S,C2,N1,Z12,,,,,,,\n"              /* 6: Z12 from 2025/26: fine, no provider */
    "F,01/05/2025,S,C2,N1,Z1,,,,,,,\n",              /* 7: Z1 split */
    2026);

  assert_problem (d->problems, "episodes.csv row 2, PLACE ‘H5’: not valid after 31/03/2025");
  ck_assert_ptr_null (find_problem (d->problems, "episodes.csv row 3,"));
  assert_problem (d->problems, "episodes.csv row 4, PLACE ‘K3’: not valid before 01/04/2024");
  assert_problem (d->problems, "episodes.csv row 5, PLACE ‘P2’: not valid after 27/10/2023");
  ck_assert_ptr_null (find_problem (d->problems, "episodes.csv row 6,"));
  assert_problem (d->problems, "episodes.csv row 7, PLACE ‘Z1’: not valid after 31/03/2025");
}
END_TEST

START_TEST (test_values_required_blank_and_dates)
{
  g_autoptr(Pathways903Data) d = read_one ("episodes.csv",
    EPISODE_COLS
    ",01/06/2024,S,C2,N1,U4,PR1,,,,,,\n"                 /* 2: CHILD blank */
    "B,31/02/2024,S,C2,N1,U4,PR1,,,,,,\n"                /* 3: not a real date */
    "C,2024-06-01,S,C2,N1,U4,PR1,,,,,,\n"                /* 4: not DD/MM/YYYY */
    "D,01/06/2024,S,C2,N1,U4,PR1,01/05/2024,E8,,,,\n"    /* 5: DEC before DECOM */
    "E,01/06/2024,S,C2,N1,U4,PR1,01/07/2024,,,,,\n"      /* 6: DEC without REC */
    "F,01/06/2024,S,C2,N1,U4,PR1,,E8,,,,\n"              /* 7: REC without DEC */
    "G,01/06/2024,S,C2,N1,U4,PR1,,,,,\n"                 /* 8: ragged */
    "H,01/06/1899,S,C2,N1,U4,PR1,,,,,,\n"                /* 9: before 1900 */
    "I,01/06/2024,S,C2,N1,T1,PR1,,,,,,\n"                /* 10: provider for a temporary move (213) */
    "J,01/06/2024,S,C2,N1,U4,,,,,,,\n"                   /* 11: provider missing (526) */
    "K,01/06/2024,S,C2,N1,U4,PR1,01/06/2024,E8,,,,\n",   /* 12: ends the day it began (355) */
    2025);

  assert_problem (d->problems, "episodes.csv row 2, CHILD: must not be blank");
  assert_problem (d->problems, "episodes.csv row 3, DECOM ‘31/02/2024’: not a real date");
  assert_problem (d->problems, "episodes.csv row 4, DECOM ‘2024-06-01’");
  assert_problem (d->problems, "episodes.csv row 5, DEC 01/05/2024: before DECOM 01/06/2024");
  assert_problem (d->problems, "episodes.csv row 6, REC: must be given");
  assert_problem (d->problems, "episodes.csv row 7, REC ‘E8’: the episode has not ended");
  assert_problem (d->problems, "episodes.csv row 8 has 12 values; the header has 13 columns");
  assert_problem (d->problems, "episodes.csv row 9, DECOM ‘01/06/1899’");
  assert_problem (d->problems, "episodes.csv row 10, PLACE_PROVIDER ‘PR1’: must be blank for placement T1 (DfE rule 213)");
  assert_problem (d->problems, "episodes.csv row 11, PLACE_PROVIDER: must be given for placement U4 (DfE rule 526)");
  /* The store keeps no episode of no days: the preview says so, rather than the write failing */
  assert_problem (d->problems, "episodes.csv row 12, DEC 01/06/2024: the day the episode began (DECOM); "
                  "an episode lasts at least a day (DfE rule 355)");
  ck_assert_int_eq (get_problem (d->problems, "row 12,")->severity, PATHWAYS_PROBLEM_ERROR);
  ck_assert_int_eq (get_problem (d->problems, "row 10,")->severity, PATHWAYS_PROBLEM_WARNING);
}
END_TEST

START_TEST (test_duplicates_and_overlaps)
{
  const char *names[] = { "header.csv", "episodes.csv", "oc3.csv" };
  const char *texts[] = {
    HEADER_COLS "A,M,01/05/2008,WBRI,,,\nB,F,01/05/2008,WBRI,,,\nA,M,01/05/2008,WBRI,,,\n",
    EPISODE_COLS
    "A,01/06/2024,S,C2,N1,U4,PR1,01/08/2024,X1,,,,\n"   /* 2 */
    "A,01/08/2024,P,C2,N1,U6,PR1,01/09/2024,E8,,,,\n"   /* 3: contiguous with 2 */
    "A,15/08/2024,S,C2,N1,U6,PR1,,,,,,\n"               /* 4: overlaps 3 */
    "B,01/06/2024,S,C2,N1,U4,PR1,,,,,,\n"               /* 5 */
    "B,01/06/2024,S,C2,N1,U4,PR1,,,,,,\n"               /* 6: the same start twice */
    "B,01/10/2024,P,C2,N1,U4,PR1,,,,,,\n"               /* 7: starts while 5 is open */
    "C,01/06/2024,S,C2,N1,U4,PR1,01/07/2024,X1,,,,\n"   /* 8: X1, nothing follows on that day */
    "C,01/09/2024,P,C2,N1,U4,PR1,,,,,,\n",              /* 9: a change with a gap */
    OC3_COLS "B,01/05/2006,YES,F1,U1\nB,01/05/2006,YES,F1,U1\nZ,02/05/2006,YES,F1,U1\n",
  };
  g_autoptr(Pathways903Data) d = read_tables (names, texts, G_N_ELEMENTS (names), 2025);

  assert_problem (d->problems, "header.csv row 4, CHILD ‘A’: already on row 2");
  assert_problem (d->problems, "oc3.csv row 3, CHILD ‘B’: already on row 2");
  assert_problem (d->problems, "episodes.csv row 4, DECOM 15/08/2024: overlaps the episode of CHILD ‘A’ from 01/08/2024 (row 3)");
  assert_problem (d->problems, "episodes.csv row 6, DECOM 01/06/2024: CHILD ‘B’ already has an episode starting that day (row 5)");
  assert_problem (d->problems, "episodes.csv row 7, DECOM 01/10/2024: overlaps");
  assert_problem (d->problems, "episodes.csv row 8, REC ‘X1’: no episode of CHILD ‘C’ starts on 01/07/2024");
  assert_problem (d->problems, "episodes.csv row 9, RNE ‘P’");
  assert_problem (d->problems, "oc3.csv row 4, CHILD ‘Z’: not in the Header table");
  /* Contiguous episodes are not a problem */
  ck_assert_ptr_null (find_problem (d->problems, "episodes.csv row 3,"));
  ck_assert_ptr_null (find_problem (d->problems, "episodes.csv row 2,"));
}
END_TEST

/* The import plan ------------------------------------------------------------ */

static Pathways903Child *make_child (const char *id, const char *dob);

static char *
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  ck_assert_no_error (error);
  return path;
}

static const char year1_header[] = HEADER_COLS
  "A,M,01/05/2007,WBRI,,,\n"
  "B,F,01/09/2008,BAFR,,,\n";
static const char year1_episodes[] = EPISODE_COLS
  "A,01/06/2024,S,C2,N1,U4,PR1,01/09/2024,X1,,,,\n"
  "A,01/09/2024,P,C2,N1,K2,PR4,,,,,,\n"
  "B,01/10/2024,S,V2,N4,U6,PR1,,,,,,\n";
/* Next year: A's open episode has ended, B moved, C is new */
static const char year2_episodes[] = EPISODE_COLS
  "A,01/09/2024,P,C2,N1,K2,PR4,01/05/2025,E17,,,,\n"
  "B,01/10/2024,S,V2,N4,U6,PR1,01/02/2026,X1,,,,\n"
  "B,01/02/2026,P,V2,N4,K3,PR4,,,,,,\n"
  "C,01/01/2026,S,C1,N1,U6,PR1,,,,,,\n";

/* CHILD → what the plan would leave: the "store" of these tests */
static GHashTable *
known_from_plan (Pathways903Plan *plan,
                 GHashTable      *before)
{
  GHashTable *known = pathways_903_known_table_new ();
  GHashTableIter iter;
  gpointer key, value;

  if (before != NULL)
    {
      g_hash_table_iter_init (&iter, before);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Pathways903Known *old = value, *k = g_new0 (Pathways903Known, 1);
          k->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_episode_free);
          for (guint i = 0; old->episodes && i < old->episodes->len; i++)
            g_ptr_array_add (k->episodes, pathways_903_episode_copy (g_ptr_array_index (old->episodes, i)));
          g_hash_table_insert (known, g_strdup (key), k);
        }
    }
  for (guint i = 0; i < plan->children->len; i++)
    {
      Pathways903ChildPlan *c = g_ptr_array_index (plan->children, i);
      Pathways903Known *k = g_new0 (Pathways903Known, 1);

      k->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_episode_free);
      for (guint j = 0; j < c->episodes->len; j++)
        {
          Pathways903Episode *e = pathways_903_episode_copy (g_ptr_array_index (c->episodes, j));
          e->src.file = NULL;  /* held, not from a file */
          g_ptr_array_add (k->episodes, e);
        }
      g_hash_table_insert (known, g_strdup (c->child), k);
    }
  return known;
}

static Pathways903ChildPlan *
child_plan (Pathways903Plan *plan,
            const char      *child)
{
  for (guint i = 0; i < plan->children->len; i++)
    {
      Pathways903ChildPlan *c = g_ptr_array_index (plan->children, i);
      if (g_str_equal (c->child, child))
        return c;
    }
  ck_abort_msg ("no plan for child %s", child);
  return NULL;
}

START_TEST (test_plan_idempotent_and_next_year_extends)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *h = write_file (dir, "a.csv", year1_header);
  g_autofree char *e = write_file (dir, "b.csv", year1_episodes);
  g_autoptr(GError) error = NULL;
  g_autoptr(Pathways903Plan) first = NULL, again = NULL, next = NULL;
  g_autoptr(GHashTable) known = NULL, known2 = NULL;
  const char *paths[] = { dir, NULL };
  Pathways903PlanOptions options = { 0 };
  Pathways903ChildPlan *a, *b;

  first = pathways_903_plan_build (paths, &codes, NULL, &options, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (first->files->len, 2);
  ck_assert_uint_eq (first->data->n_errors, 0);
  ck_assert_uint_eq (first->children_added, 2);
  ck_assert_uint_eq (first->episodes_added, 3);
  ck_assert_int_eq (first->collection_year, 2025);
  {
    Pathways903FileInfo *f = g_ptr_array_index (first->files, 0);
    g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, year1_header, -1);
    ck_assert_str_eq (f->name, "a.csv");
    ck_assert_uint_eq (f->size, strlen (year1_header));
    ck_assert_str_eq (f->sha256, sum);
    ck_assert_int_eq (f->table, PATHWAYS_903_TABLE_HEADER);
    ck_assert_uint_eq (f->rows, 2);
  }

  /* The same files again: nothing changes */
  known = known_from_plan (first, NULL);
  again = pathways_903_plan_build (paths, &codes, known, &options, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (again->children_added, 0);
  ck_assert_uint_eq (again->children_updated, 0);
  ck_assert_uint_eq (again->children_unchanged, 2);
  ck_assert_uint_eq (again->episodes_added, 0);
  ck_assert_uint_eq (again->episodes_changed, 0);
  ck_assert_uint_eq (again->episodes_unchanged, 3);

  /* A child whose Header values Pathways holds differently is updated */
  {
    g_autoptr(Pathways903Plan) changed = NULL;
    Pathways903Known *k = g_hash_table_lookup (known, "A");

    k->header = make_child ("A", "2007-05-01");  /* held as F, the file says M */
    changed = pathways_903_plan_build (paths, &codes, known, &options, NULL, NULL, NULL, &error);
    ck_assert_no_error (error);
    ck_assert_uint_eq (changed->children_updated, 1);
    ck_assert (child_plan (changed, "A")->header_changed);
    ck_assert (!child_plan (changed, "B")->header_changed);
    g_clear_pointer (&k->header, pathways_903_child_free);
  }

  /* Next year's episodes extend the history */
  g_unlink (h);
  g_unlink (e);
  g_free (write_file (dir, "episodes-2026.csv", year2_episodes));
  next = pathways_903_plan_build (paths, &codes, known, &options, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  {
    g_autofree char *all = all_messages (next->data->problems);
    ck_assert_msg (next->data->n_errors == 0, "%s", all);
  }
  ck_assert_uint_eq (next->children_added, 1);    /* C */
  ck_assert_uint_eq (next->children_updated, 2);  /* A and B */
  ck_assert_uint_eq (next->episodes_added, 2);    /* B's K3, C's first */
  ck_assert_uint_eq (next->episodes_changed, 2);  /* A's and B's open episodes ended */
  a = child_plan (next, "A");
  ck_assert_uint_eq (a->episodes->len, 2);        /* last year's first episode kept */
  ck_assert_uint_eq (a->episodes_kept, 1);
  ck_assert_str_eq (((Pathways903Episode *) g_ptr_array_index (a->episodes, 1))->dec, "2025-05-01");
  b = child_plan (next, "B");
  ck_assert_uint_eq (b->episodes->len, 2);
  ck_assert_str_eq (((Pathways903Episode *) g_ptr_array_index (b->episodes, 1))->place, "K3");

  /* And that, imported again, changes nothing */
  known2 = known_from_plan (next, known);
  g_clear_pointer (&next, pathways_903_plan_free);
  next = pathways_903_plan_build (paths, &codes, known2, &options, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (next->episodes_added + next->episodes_changed + next->children_added + next->children_updated, 0);

  test_remove_dir (dir);
}
END_TEST

START_TEST (test_plan_skip_or_refuse_bad_rows)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *e = write_file (dir, "episodes.csv", EPISODE_COLS
                                   "A,01/06/2024,S,C2,N1,U4,PR1,,,,,,\n"
                                   "B,01/06/2024,S,C2,N1,H5,PR4,,,,,,\n"   /* H5 still open in 2025/26 */
                                   "C,01/06/2024,S,C2,N1,U4,PR1,,,,,,\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(Pathways903Plan) skip = NULL, refuse = NULL, overlap = NULL;
  g_autoptr(GHashTable) known = pathways_903_known_table_new ();
  const char *paths[] = { e, NULL };
  Pathways903PlanOptions options = { .collection_year = 2026, .on_error = PATHWAYS_903_SKIP_BAD_ROWS };
  g_autofree char *summary = NULL;

  skip = pathways_903_plan_build (paths, &codes, NULL, &options, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (!skip->refused);
  ck_assert_uint_eq (skip->rows_skipped, 1);
  ck_assert_uint_eq (skip->children_added, 2);
  assert_problem (skip->data->problems, "episodes.csv row 3, PLACE ‘H5’: not valid after 31/03/2025");
  summary = pathways_903_plan_summary (skip);
  ck_assert_msg (strstr (summary, "2 young people would be added") != NULL, "%s", summary);

  options.on_error = PATHWAYS_903_REFUSE;
  refuse = pathways_903_plan_build (paths, &codes, NULL, &options, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (refuse->refused);

  /* An episode that overlaps one Pathways already holds is an error on its row */
  {
    Pathways903Known *k = g_new0 (Pathways903Known, 1);
    Pathways903Episode *held = g_new0 (Pathways903Episode, 1);
    held->child = g_strdup ("C");
    held->decom = g_strdup ("2024-05-01");
    held->rne = g_strdup ("S");
    held->ls = g_strdup ("C2");
    held->cin = g_strdup ("N1");
    held->place = g_strdup ("U4");
    held->place_provider = g_strdup ("PR1");
    k->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_episode_free);
    g_ptr_array_add (k->episodes, held);
    g_hash_table_insert (known, g_strdup ("C"), k);
  }
  options.on_error = PATHWAYS_903_SKIP_BAD_ROWS;
  overlap = pathways_903_plan_build (paths, &codes, known, &options, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  assert_problem (overlap->data->problems, "episodes.csv row 4, DECOM 01/06/2024: overlaps the episode Pathways holds for CHILD ‘C’ from 01/05/2024");
  ck_assert_uint_eq (child_plan (overlap, "C")->episodes_added, 0);
  ck_assert_uint_eq (child_plan (overlap, "C")->episodes->len, 1);

  test_remove_dir (dir);
}
END_TEST

START_TEST (test_plan_unreadable_and_ignored_files)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *a = write_file (dir, "broken.csv", OC3_COLS "X,01/05/2006,YES,F1,\"never closed\n");
  g_autofree char *b = write_file (dir, "oc2.csv", "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,"
                                   "TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n");
  g_autofree char *c = write_file (dir, "oc3.csv", OC3_COLS "Zo\xeb,01/05/2006,YES,F1,U1\n");
  g_autofree char *m = write_file (dir, "missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END\nZo\xc3\xab,01/05/2006,M,01/06/2024,02/06/2024\n");
  g_autofree char *missing = g_build_filename (dir, "nope.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(Pathways903Plan) plan = NULL;
  const char *paths[] = { a, b, c, m, NULL };
  const char *bad_paths[] = { missing, NULL };

  plan = pathways_903_plan_build (paths, &codes, NULL, NULL, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (((Pathways903FileInfo *) g_ptr_array_index (plan->files, 0))->failed);
  ck_assert_int_eq (((Pathways903FileInfo *) g_ptr_array_index (plan->files, 2))->encoding,
                    PATHWAYS_CSV_ENCODING_WINDOWS_1252);
  assert_problem (plan->data->problems, "oc3.csv: read as Windows-1252 text");
  ck_assert_uint_eq (child_plan (plan, "Zoë")->missing->len, 1);
  assert_problem (plan->data->problems, "broken.csv row 2: a quoted value is not closed");
  assert_problem (plan->data->problems, "oc2.csv: ignored");
  ck_assert_uint_eq (plan->data->oc3->len, 1);

  ck_assert_ptr_null (pathways_903_plan_build (bad_paths, &codes, NULL, NULL, NULL, NULL, NULL, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  test_remove_dir (dir);
}
END_TEST

typedef struct {
  GMainLoop       *loop;
  Pathways903Plan *plan;
  GError          *error;
  guint            progress_calls;
  double           last_fraction;
  gboolean         in_main_thread;
  GThread         *main_thread;
  guint            progress_destroyed;
  gboolean         destroyed_in_main_thread;
} AsyncState;

static void
progress_cb (double      fraction,
             const char *file,
             gpointer    user_data)
{
  AsyncState *s = user_data;
  s->progress_calls++;
  s->last_fraction = fraction;
  s->in_main_thread &= g_thread_self () == s->main_thread;
}

static void
progress_destroyed_cb (gpointer user_data)
{
  AsyncState *s = user_data;
  s->progress_destroyed++;
  s->destroyed_in_main_thread = g_thread_self () == s->main_thread;
}

static gboolean
progress_destroyed (gpointer user_data)
{
  return ((AsyncState *) user_data)->progress_destroyed > 0;
}

static void
built_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *s = user_data;
  s->plan = pathways_903_plan_build_finish (result, &s->error);
  g_main_loop_quit (s->loop);
}

START_TEST (test_plan_async_progress_and_cancel)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *h = write_file (dir, "a.csv", year1_header);
  g_autofree char *e = write_file (dir, "b.csv", year1_episodes);
  const char *paths[] = { dir, NULL };
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  AsyncState s = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0, 0, TRUE, g_thread_self (), 0, FALSE };

  pathways_903_plan_build_async (paths, table, NULL, NULL, progress_cb, &s, progress_destroyed_cb, NULL, built_cb, &s);
  g_main_loop_run (s.loop);
  ck_assert_no_error (s.error);
  ck_assert_ptr_nonnull (s.plan);
  ck_assert_uint_eq (s.plan->episodes_added, 3);
  /* Progress arrives in the main thread, before the result, up to 1 */
  ck_assert_uint_gt (s.progress_calls, 1);
  ck_assert (s.in_main_thread);
  ck_assert (s.last_fraction == 1.0);
  g_clear_pointer (&s.plan, pathways_903_plan_free);
  /* The progress data is let go of once, in the main thread */
  ck_assert (test_wait_for (progress_destroyed, &s));
  ck_assert_uint_eq (s.progress_destroyed, 1);
  ck_assert (s.destroyed_in_main_thread);

  g_cancellable_cancel (cancel);
  pathways_903_plan_build_async (paths, table, NULL, NULL, NULL, NULL, NULL, cancel, built_cb, &s);
  g_main_loop_run (s.loop);
  ck_assert_ptr_null (s.plan);
  ck_assert (g_error_matches (s.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&s.error);
  g_main_loop_unref (s.loop);
  test_remove_dir (dir);
}
END_TEST

/* Export --------------------------------------------------------------------- */

static Pathways903Child *
make_child (const char *id,
            const char *dob)
{
  Pathways903Child *c = g_new0 (Pathways903Child, 1);
  c->child = g_strdup (id);
  c->sex = g_strdup ("F");
  c->dob = g_strdup (dob);
  c->ethnic = g_strdup ("WBRI");
  return c;
}

static Pathways903Episode *
make_episode (const char *child,
              const char *decom,
              const char *place,
              const char *provider,
              const char *dec,
              const char *rec)
{
  Pathways903Episode *e = g_new0 (Pathways903Episode, 1);
  e->child = g_strdup (child);
  e->decom = g_strdup (decom);
  e->rne = g_strdup ("S");
  e->ls = g_strdup ("C2");
  e->cin = g_strdup ("N1");
  e->place = g_strdup (place);
  e->place_provider = g_strdup (provider);
  e->dec = g_strdup (dec);
  e->rec = g_strdup (rec);
  return e;
}

static Pathways903ExportChild *
leaver (const char *id,
        const char *dob,
        const char *left_care)
{
  Pathways903ExportChild *c = pathways_903_export_child_new (make_child (id, dob));
  g_ptr_array_add (c->episodes, make_episode (id, "2020-01-01", "U4", "PR1", left_care, "E8"));
  c->care_leaver = TRUE;
  return c;
}

static Pathways903Oc3 *
oc3_row (Pathways903Data *d,
         const char      *child,
         const char      *dob,
         const char      *in_touch,
         const char      *activ,
         const char      *accom)
{
  Pathways903Oc3 *o = g_new0 (Pathways903Oc3, 1);
  o->src.file = g_intern_static_string ("oc3.csv");
  o->src.row = d->oc3->len + 2;
  o->child = g_strdup (child);
  o->dob = g_strdup (dob);
  o->in_touch = g_strdup (in_touch);
  o->activ = g_strdup (activ);
  o->accom = g_strdup (accom);
  g_ptr_array_add (d->oc3, o);
  if (dob != NULL)
    {
      Pathways903Child *h = make_child (child, dob);
      h->src.file = g_intern_static_string ("header.csv");
      h->src.row = d->children->len + 2;
      g_ptr_array_add (d->children, h);
    }
  return o;
}

static Pathways903Episode *
episode_row (Pathways903Data *d,
             Pathways903Episode *e)
{
  e->src.file = g_intern_static_string ("episodes.csv");
  e->src.row = d->episodes->len + 2;
  g_ptr_array_add (d->episodes, e);
  return e;
}

/* Each OC3 rule breached once (first) and respected once (second); year 2026 */
START_TEST (test_export_check_oc3_rules)
{
  g_autoptr(Pathways903Data) d = pathways_903_data_new ();
  /* 19th birthday in 2025/26: in the cohort */
  const char *dob19 = "2006-07-01";
  /* 17th birthday in 2025/26 */
  const char *dob17 = "2008-07-01";

  oc3_row (d, "R153-bad", dob19, "YES", NULL, "U1");
  oc3_row (d, "R153-ok", dob19, NULL, NULL, NULL);
  oc3_row (d, "R344-bad", dob19, "DIED", "F1", "0");
  oc3_row (d, "R344-ok", dob19, "RHOM", "0", "0");
  oc3_row (d, "R345-bad", dob19, "YES", "F1", "0");
  oc3_row (d, "R345-ok", dob19, "YES", "F1", "U1");
  oc3_row (d, "RS1-bad", dob19, "YES", "F1", "S1");
  oc3_row (d, "RS2-ok", dob19, "YES", "G5", "S2");
  oc3_row (d, "RX1-bad", dob19, "YES", "G5", "X1");
  oc3_row (d, "RX2-ok", dob19, "YES", "G5", "X2");
  oc3_row (d, "R347-bad", dob17, "YES", "F2", "T1");
  oc3_row (d, "R347-ok", dob19, "YES", "F2", "T1");
  oc3_row (d, "R3001-bad", dob17, "YES", "F2", "Z1");
  oc3_row (d, "R3001-ok", dob19, "YES", "F2", "Z1");
  oc3_row (d, "R391-bad", "2012-01-01", "YES", "F2", "U1");
  oc3_row (d, "R391-ok", "2004-04-01", "YES", "F2", "U1");  /* 21 on 01/04/2025 */
  oc3_row (d, "R131-bad", dob19, "MAYBE", "F2", "U1");
  oc3_row (d, "R132-bad", dob19, "YES", "F3", "U1");
  oc3_row (d, "R133-bad", dob19, "YES", "F2", "01");
  /* 1007/1016: an 18th birthday in the year while still looked after */
  oc3_row (d, "R1007-bad", "2007-06-01", "YES", "F2", "U1");
  oc3_row (d, "R1007-ok", "2007-06-02", "YES", "F2", "U1");
  episode_row (d, make_episode ("R1007-bad", "2024-01-01", "U4", "PR1", "2025-06-01", "E8"));
  episode_row (d, make_episode ("R1007-ok", "2024-01-01", "U4", "PR1", "2025-05-01", "E8"));

  pathways_903_check_return (d, 2026, &codes);

  assert_problem (d->problems, "oc3.csv row 2: IN_TOUCH, ACTIV and ACCOM must all be given or all be blank (DfE rule 153)");
  assert_problem (d->problems, "CHILD ‘R344-bad’, ACTIV ‘F1’: must be 0 when IN_TOUCH is DIED (DfE rule 344)");
  assert_problem (d->problems, "CHILD ‘R345-bad’, ACCOM ‘0’: must not be 0 when IN_TOUCH is YES (DfE rule 345)");
  assert_problem (d->problems, "ACCOM ‘S1’: S can only be recorded as not suitable (S2)");
  assert_problem (d->problems, "ACCOM ‘X1’: X can only be recorded as not suitable (X2)");
  assert_problem (d->problems, "CHILD ‘R347-bad’, ACCOM ‘T1’: a foyer is not allowed under 18");
  assert_problem (d->problems, "CHILD ‘R3001-bad’, ACCOM ‘Z1’: Staying Put is not allowed in the year of the 17th birthday (DfE rule 3001)");
  assert_problem (d->problems, "CHILD ‘R391-bad’, DOB 01/01/2012: no 17th to 21st birthday falls in the collection year (DfE rule 391)");
  assert_problem (d->problems, "IN_TOUCH ‘MAYBE’: not a code of the DfE IN_TOUCH list");
  assert_problem (d->problems, "ACTIV ‘F3’: not valid after 31/03/2019");
  assert_problem (d->problems, "ACCOM ‘01’: must be a letter and 1 (suitable) or 2 (not suitable), or 0");
  assert_problem (d->problems, "CHILD ‘R1007-bad’: looked after on their birthday, 01/06/2025");

  /* The rows that keep the rules have no problem */
  {
    const char *ok[] = { "R153-ok", "R344-ok", "R345-ok", "RS2-ok", "RX2-ok", "R347-ok", "R3001-ok", "R391-ok",
                         "R1007-ok" };
    for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
      for (guint j = 0; j < d->problems->len; j++)
        {
          PathwaysExchangeProblem *p = g_ptr_array_index (d->problems, j);
          ck_assert_msg (g_strcmp0 (p->child, ok[i]) != 0, "%s: %s", ok[i], p->message);
        }
  }
  /* A breach names the child and the field */
  {
    PathwaysExchangeProblem *p = find_problem (d->problems, "DfE rule 3001");
    ck_assert_str_eq (p->child, "R3001-bad");
    ck_assert_str_eq (p->column, "ACCOM");
    ck_assert_str_eq (p->rule, "3001");
  }
}
END_TEST

START_TEST (test_export_check_episode_rules)
{
  g_autoptr(Pathways903Data) d = pathways_903_data_new ();
  const char *pairs[][3] = {
    { "P527", "P1", "PR1" }, { "P528", "R2", "PR2" }, { "P529", "K2", "PR3" }, { "P530", "P1", "PR4" },
    { "P531", "P1", "PR5" }, { "P550", "U4", "PR0" },
    { "OK527", "K2", "PR1" }, { "OK528", "U4", "PR2" }, { "OK529", "R1", "PR3" }, { "OK530", "K2", "PR4" },
    { "OK531", "U4", "PR5" }, { "OK550", "P1", "PR0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      Pathways903Child *h = make_child (pairs[i][0], "2010-01-01");
      h->src.file = g_intern_static_string ("header.csv");
      h->src.row = d->children->len + 2;
      g_ptr_array_add (d->children, h);
      episode_row (d, make_episode (pairs[i][0], "2025-05-01", pairs[i][1], pairs[i][2], NULL, NULL));
    }
  g_ptr_array_add (d->children, make_child ("K3-young", "2010-01-01"));
  g_ptr_array_add (d->children, make_child ("K3-ok", "2009-04-01"));
  g_ptr_array_add (d->children, make_child ("E17-young", "2007-09-01"));
  g_ptr_array_add (d->children, make_child ("E17-ok", "2007-05-01"));
  g_ptr_array_add (d->children, make_child ("T-prov", "2010-01-01"));
  g_ptr_array_add (d->children, make_child ("No-prov", "2010-01-01"));
  g_ptr_array_add (d->children, make_child ("H5-late", "2010-01-01"));
  g_ptr_array_add (d->children, make_child ("T-ok", "2010-01-01"));
  g_ptr_array_add (d->children, make_child ("Gap", "2010-01-01"));
  g_ptr_array_add (d->children, make_child ("Joined", "2010-01-01"));
  episode_row (d, make_episode ("K3-young", "2025-05-01", "K3", "PR4", NULL, NULL));
  episode_row (d, make_episode ("K3-ok", "2025-05-01", "K3", "PR4", NULL, NULL));
  episode_row (d, make_episode ("E17-young", "2025-05-01", "U4", "PR1", "2025-08-01", "E17"));
  episode_row (d, make_episode ("E17-ok", "2025-04-02", "U4", "PR1", "2025-08-01", "E17"));
  episode_row (d, make_episode ("T-prov", "2025-05-01", "T2", "PR1", "2025-05-05", "E8"));
  episode_row (d, make_episode ("No-prov", "2025-05-01", "U4", NULL, NULL, NULL));
  episode_row (d, make_episode ("H5-late", "2025-05-01", "H5", "PR4", NULL, NULL));
  episode_row (d, make_episode ("T-ok", "2025-05-01", "T2", NULL, "2025-05-05", "E8"));
  episode_row (d, make_episode ("Gap", "2025-05-01", "U4", "PR1", "2025-06-01", "X1"));
  episode_row (d, make_episode ("Gap", "2025-06-10", "U6", "PR1", NULL, NULL))->rne[0] = 'P';
  episode_row (d, make_episode ("Joined", "2025-05-01", "U4", "PR1", "2025-06-01", "X1"));
  episode_row (d, make_episode ("Joined", "2025-06-01", "U6", "PR1", NULL, NULL))->rne[0] = 'P';

  pathways_903_check_return (d, 2026, &codes);

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *needle = g_strdup_printf ("CHILD ‘%s’, PLACE_PROVIDER ‘%s’: not allowed with placement %s (DfE rule %s)",
                                                 pairs[i][0], pairs[i][2], pairs[i][1], pairs[i][0] + 1);
      assert_problem (d->problems, needle);
    }
  for (guint i = 6; i < G_N_ELEMENTS (pairs); i++)
    for (guint j = 0; j < d->problems->len; j++)
      {
        PathwaysExchangeProblem *p = g_ptr_array_index (d->problems, j);
        ck_assert_msg (g_strcmp0 (p->child, pairs[i][0]) != 0, "%s", p->message);
      }
  assert_problem (d->problems, "CHILD ‘K3-young’, PLACE ‘K3’: starts on 01/05/2025, before the 16th birthday on 01/01/2026 (DfE rule 371)");
  assert_problem (d->problems, "CHILD ‘E17-young’, REC ‘E17’: the episode ends on 01/08/2025, before the 18th birthday on 01/09/2025 (DfE rule 460)");
  assert_problem (d->problems, "PLACE_PROVIDER ‘PR1’: must be blank for placement T2 (DfE rule 213)");
  assert_problem (d->problems, "PLACE_PROVIDER: must be given for placement U4 (DfE rule 526)");
  assert_problem (d->problems, "PLACE ‘H5’: not valid after 31/03/2025");
  assert_problem (d->problems, "REC ‘X1’: no episode of CHILD ‘Gap’ starts on 01/06/2025, the day it ends");
  assert_problem (d->problems, "RNE ‘P’: no episode of CHILD ‘Gap’ ends with X1 on 10/06/2025");
  {
    const char *ok[] = { "K3-ok", "E17-ok", "T-ok", "Joined" };
    for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
      for (guint j = 0; j < d->problems->len; j++)
        {
          PathwaysExchangeProblem *p = g_ptr_array_index (d->problems, j);
          ck_assert_msg (g_strcmp0 (p->child, ok[i]) != 0, "%s: %s", ok[i], p->message);
        }
  }
  ck_assert_ptr_null (find_problem (d->problems, "K3-ok"));
  ck_assert_ptr_null (find_problem (d->problems, "E17-ok"));
}
END_TEST

static GPtrArray *
sample_authority (void)
{
  GPtrArray *children = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_export_child_free);
  Pathways903ExportChild *c;

  /* Turns 19 on 01/07/2025; left care at 18; contacts around the birthday */
  c = leaver ("L19", "2006-07-01", "2024-07-01");
  pathways_903_export_child_add_contact (c, "2025-03-01", "YES", "F5", "D1");
  pathways_903_export_child_add_contact (c, "2025-06-20", "YES", "F1", "U1");   /* closest */
  pathways_903_export_child_add_contact (c, "2025-10-01", "NO", "0", "0");
  g_ptr_array_add (children, c);
  /* Turns 18 on 02/05/2025 while still looked after: no OC3 (1007) */
  c = pathways_903_export_child_new (make_child ("LAC18", "2007-05-02"));
  g_ptr_array_add (c->episodes, make_episode ("LAC18", "2024-01-01", "U4", "PR1", NULL, NULL));
  c->care_leaver = TRUE;
  g_ptr_array_add (children, c);
  /* Not a care leaver: no OC3, no rows at all */
  c = leaver ("NOTCL", "2006-09-01", "2020-06-01");
  c->care_leaver = FALSE;
  g_ptr_array_add (children, c);
  /* Turns 21 in the year, in touch */
  c = leaver ("L21", "2004-12-25", "2022-12-25");
  pathways_903_export_child_add_contact (c, "2025-12-20", "YES", "G5", "U2");
  g_ptr_array_add (children, c);
  /* Too old: 22 in the year */
  c = leaver ("OLD", "2003-06-01", "2021-06-01");
  pathways_903_export_child_add_contact (c, "2025-06-01", "YES", "G5", "U1");
  g_ptr_array_add (children, c);
  return children;
}

START_TEST (test_export_cohort_and_columns)
{
  g_autoptr(GPtrArray) children = sample_authority ();
  g_autoptr(Pathways903Export) x = pathways_903_export_build (children, 2026, &codes);
  g_autoptr(GString) header = NULL, episodes = NULL, oc3 = NULL;
  Pathways903Oc3 *o;

  ck_assert_str_eq (x->start, "2025-04-01");
  ck_assert_str_eq (x->end, "2026-03-31");
  {
    g_autofree char *all = all_messages (x->tables->problems);
    ck_assert_msg (x->n_breaches == 0, "%s", all);
  }
  ck_assert_uint_eq (x->tables->oc3->len, 2);
  o = g_ptr_array_index (x->tables->oc3, 0);
  ck_assert_str_eq (o->child, "L19");
  ck_assert_str_eq (o->activ, "F1");
  ck_assert_str_eq (o->accom, "U1");
  ck_assert_str_eq (((Pathways903Oc3 *) g_ptr_array_index (x->tables->oc3, 1))->child, "L21");
  /* LAC18's open episode is in the year; the others' ended before it */
  ck_assert_uint_eq (x->tables->episodes->len, 1);
  ck_assert_uint_eq (x->tables->children->len, 3);

  header = pathways_903_export_table_csv (x, PATHWAYS_903_TABLE_HEADER);
  episodes = pathways_903_export_table_csv (x, PATHWAYS_903_TABLE_EPISODES);
  oc3 = pathways_903_export_table_csv (x, PATHWAYS_903_TABLE_OC3);
  ck_assert (g_str_has_prefix (header->str, "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n"));
  ck_assert (g_str_has_prefix (episodes->str, "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
                                             "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n"));
  ck_assert_str_eq (oc3->str, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\r\n"
                              "L19,01/07/2006,YES,F1,U1\r\n"
                              "L21,25/12/2004,YES,G5,U2\r\n");
}
END_TEST

START_TEST (test_export_round_trip)
{
  g_autoptr(GPtrArray) children = sample_authority ();
  g_autoptr(Pathways903Export) x = NULL;
  g_autoptr(Pathways903Data) back = pathways_903_data_new ();
  Pathways903ExportChild *c = g_ptr_array_index (children, 1);
  Pathways903Table tables_[] = { PATHWAYS_903_TABLE_HEADER, PATHWAYS_903_TABLE_EPISODES, PATHWAYS_903_TABLE_OC3 };
  Pathways903Episode *e;

  /* Values that need quoting survive too */
  e = g_ptr_array_index (c->episodes, 0);
  e->home_post = g_strdup ("AB1 2CD");
  e->reason_place_change = g_strdup ("CARPL");
  c->header->upn = g_strdup ("A12345678901B");
  x = pathways_903_export_build (children, 2026, &codes);

  for (guint t = 0; t < G_N_ELEMENTS (tables_); t++)
    {
      g_autoptr(GString) csv = pathways_903_export_table_csv (x, tables_[t]);
      g_autoptr(GError) error = NULL;
      ck_assert_int_eq (pathways_903_read_table (back, "x.csv", csv->str, csv->len, NULL, NULL, NULL, NULL, &error),
                        tables_[t]);
      ck_assert_no_error (error);
    }
  pathways_903_data_check (back, &codes, 2026);
  ck_assert_uint_eq (back->n_errors, 0);

  ck_assert_uint_eq (back->episodes->len, x->tables->episodes->len);
  for (guint i = 0; i < back->episodes->len; i++)
    ck_assert (pathways_903_episode_equal (g_ptr_array_index (back->episodes, i),
                                           g_ptr_array_index (x->tables->episodes, i)));
  ck_assert_uint_eq (back->children->len, x->tables->children->len);
  for (guint i = 0; i < back->children->len; i++)
    {
      Pathways903Child *a = g_ptr_array_index (back->children, i), *b = g_ptr_array_index (x->tables->children, i);
      ck_assert_str_eq (a->child, b->child);
      ck_assert_str_eq (a->dob, b->dob);
      ck_assert_str_eq (a->sex, b->sex);
      ck_assert_str_eq (a->ethnic, b->ethnic);
      ck_assert_int_eq (g_strcmp0 (a->upn, b->upn), 0);
    }
  ck_assert_uint_eq (back->oc3->len, x->tables->oc3->len);
  for (guint i = 0; i < back->oc3->len; i++)
    {
      Pathways903Oc3 *a = g_ptr_array_index (back->oc3, i), *b = g_ptr_array_index (x->tables->oc3, i);
      ck_assert_str_eq (a->child, b->child);
      ck_assert_str_eq (a->accom, b->accom);
      ck_assert_str_eq (a->activ, b->activ);
      ck_assert_str_eq (a->in_touch, b->in_touch);
    }
}
END_TEST

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

START_TEST (test_export_written_only_when_clean_and_privately)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(GPtrArray) children = sample_authority ();
  g_autoptr(Pathways903Export) x = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *oc3 = g_build_filename (dir, "oc3.csv", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", NULL);
  GStatBuf st;

  /* A breach: Staying Put at 17 */
  {
    Pathways903ExportChild *c = leaver ("Z17", "2008-06-01", "2025-05-01");
    pathways_903_export_child_add_contact (c, "2025-06-01", "YES", "F2", "Z1");
    g_ptr_array_add (children, c);
  }
  x = pathways_903_export_build (children, 2026, &codes);
  ck_assert_uint_eq (x->n_breaches, 1);

  ck_assert (!pathways_903_export_write (x, dir, FALSE, &error));
  ck_assert (g_error_matches (error, PATHWAYS_EXCHANGE_ERROR, PATHWAYS_EXCHANGE_ERROR_BREACHES));
  ck_assert_uint_eq (count_entries (dir), 0);
  g_clear_error (&error);

  /* A folder that does not exist: an error, and nothing left behind */
  ck_assert (!pathways_903_export_write (x, nowhere, TRUE, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  ck_assert_uint_eq (count_entries (dir), 0);
  g_clear_error (&error);

  /* A folder in the way of the second file: none of the three is written */
  {
    g_autofree char *in_the_way = g_build_filename (dir, "episodes.csv", NULL);
    g_mkdir (in_the_way, 0700);
    ck_assert (!pathways_903_export_write (x, dir, TRUE, &error));
    ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY));
    ck_assert_msg (strstr (error->message, "episodes.csv") != NULL, "%s", error->message);
    ck_assert_uint_eq (count_entries (dir), 1);
    g_clear_error (&error);
    g_rmdir (in_the_way);
  }

  ck_assert (pathways_903_export_write (x, dir, TRUE, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_entries (dir), 3);  /* header, episodes, oc3: no temporary files */
  ck_assert_int_eq (g_stat (oc3, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  test_remove_dir (dir);
}
END_TEST

/* Annex A -------------------------------------------------------------------- */

static GPtrArray *
annex_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_annex_a_row_free);
  PathwaysAnnexARow *r = g_new0 (PathwaysAnnexARow, 1);

  r->id = g_strdup ("L19");
  r->gender = g_strdup ("Female");
  r->ethnicity = g_strdup ("WBRI");
  r->date_of_birth = g_strdup ("2006-07-01");
  r->uasc = TRUE;
  r->disability = g_strdup ("No");
  r->team = g_strdup ("Leaving Care East");
  r->worker = g_strdup ("Sam Patel");
  r->personal_adviser = g_strdup ("Jo Brown, senior PA");
  r->eligibility = g_strdup ("Former relevant");
  r->pathway_plan_date = g_strdup ("2025-09-10");
  r->in_touch = g_strdup ("YES");
  r->latest_contact = g_strdup ("2025-11-01");
  r->accom = g_strdup ("U2");
  r->activ = g_strdup ("F1");
  g_ptr_array_add (rows, r);
  return rows;
}

START_TEST (test_annex_a_csv_and_xlsx)
{
  g_autoptr(GPtrArray) rows = annex_rows ();
  g_autoptr(GString) csv = pathways_annex_a_csv (rows, "2025-11-22", table);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *xlsx = g_build_filename (dir, "annex-a.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  ck_assert (g_str_has_prefix (csv->str,
    "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,UASC,Disability,Allocated Team,Allocated Worker,"
    "Allocated Personal Advisor,Eligibility Category,Latest Pathway Plan Review Date,In Touch,"
    "Latest Date of Contact,Accommodation Type,Accommodation Suitability,Activity\r\n"));
  ck_assert_msg (strstr (csv->str, "L19,Female,WBRI,01/07/2006,19,Yes,No,Leaving Care East,Sam Patel,"
                                   "\"Jo Brown, senior PA\",Former relevant,10/09/2025,YES: In touch,01/11/2025,") != NULL,
                 "%s", csv->str);
  ck_assert_msg (strstr (csv->str, ",Not suitable,F1: Full-time higher education\r\n") != NULL, "%s", csv->str);

  ck_assert (pathways_annex_a_write_xlsx (rows, "2025-11-22", table, xlsx, &error));
  ck_assert_no_error (error);
  ck_assert (g_file_get_contents (xlsx, &contents, &length, NULL));
  ck_assert (length > 100 && contents[0] == 'P' && contents[1] == 'K');  /* a zip, as xlsx is */
  ck_assert_int_eq (g_stat (xlsx, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert_uint_eq (count_entries (dir), 1);
  test_remove_dir (dir);
}
END_TEST

/* Stock import --------------------------------------------------------------- */

START_TEST (test_stock_import_sample_and_errors)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("PATHWAYS_SOURCE_DIR"), "data", "stock-sample.csv", NULL);
  g_autoptr(PathwaysStockImport) good = pathways_stock_import_parse_file (sample, NULL, NULL, &error);
  g_autoptr(PathwaysStockImport) bad = NULL, cols = NULL, known_run = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char bad_text[] =
    "Name,Kind,Bedrooms,Weekly cost,Postcode,Min age,Max age,Shared,Status from\n"
    "Flat 1,council,1,95.50,NG1 1AA,18,25,no,01/04/2025\n"      /* 2: fine */
    "Flat 2,castle,1,95.50,NG1 1AA,18,25,no,\n"                 /* 3: kind */
    "Flat 3,council,two,95.50,NG1 1AA,18,25,no,\n"              /* 4: bedrooms */
    "Flat 4,council,1,lots,NG1 1AA,18,25,no,\n"                 /* 5: cost */
    "Flat 5,council,1,95.50,NOTAPOSTCODE,18,25,no,\n"           /* 6: postcode: a warning */
    "Flat 6,council,1,95.50,NG1 1AA,21,18,no,\n"                /* 7: ages */
    "Flat 7,council,1,95.50,NG1 1AA,18,25,perhaps,\n"           /* 8: yes/no */
    "Flat 8,council,1,95.50,NG1 1AA,18,25,no,31/02/2025\n"      /* 9: date */
    ",council,1,95.50,NG1 1AA,18,25,no,\n"                      /* 10: name */
    "Flat 1,council,1,95.50,NG1 1AA,18,25,no,\n";               /* 11: twice */
  PathwaysUnit *u;

  ck_assert_no_error (error);
  ck_assert_uint_eq (good->n_errors, 0);
  ck_assert_uint_eq (good->units->len, 5);
  u = g_ptr_array_index (good->units, 0);
  ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (u), "kind"), "supported");
  ck_assert_int_eq (pathways_record_get_int (PATHWAYS_RECORD (u), "weekly-cost"), 115000);
  ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (u), "commissioning"), "block");
  ck_assert (pathways_record_get_bool (PATHWAYS_RECORD (u), "in-authority"));
  u = g_ptr_array_index (good->units, 4);
  ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (u), "kind"), "supported_lodgings");
  ck_assert_int_eq (pathways_record_get_int (PATHWAYS_RECORD (u), "weekly-cost"), 31000);

  bad = pathways_stock_import_parse_bytes ("stock.csv", bad_text, strlen (bad_text), NULL, NULL, &error);
  ck_assert_no_error (error);
  assert_problem (bad->problems, "stock.csv row 3, Kind ‘castle’: not one of the known values");
  assert_problem (bad->problems, "stock.csv row 4, Bedrooms ‘two’: must be a whole number");
  assert_problem (bad->problems, "stock.csv row 5, Weekly cost ‘lots’");
  assert_problem (bad->problems, "stock.csv row 6, Postcode ‘NOTAPOSTCODE’: does not look like a UK postcode");
  assert_problem (bad->problems, "stock.csv row 7: the minimum age 21 is above the maximum age 18");
  assert_problem (bad->problems, "stock.csv row 8, Shared ‘perhaps’: must be yes or no");
  assert_problem (bad->problems, "stock.csv row 9, Status from ‘31/02/2025’");
  assert_problem (bad->problems, "stock.csv row 10, Name: must not be blank");
  assert_problem (bad->problems, "stock.csv row 11, Name ‘Flat 1’: the same unit (name and postcode) as row 2");
  ck_assert_uint_eq (bad->rows_read, 10);
  ck_assert_uint_eq (bad->rows_skipped, 7);
  ck_assert_uint_eq (bad->units->len, 2);  /* Flat 1 and Flat 5 */
  ck_assert_uint_eq (g_array_index (bad->unit_rows, guint, 1), 6);
  ck_assert_str_eq (pathways_record_get_string (PATHWAYS_RECORD (g_ptr_array_index (bad->units, 0)),
                                                "status-from"), "2025-04-01");

  cols = pathways_stock_import_parse_bytes ("stock.csv", "name,colour\nx,red\n", 18, NULL, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (cols->units->len, 0);
  assert_problem (cols->problems, "stock.csv row 1: column ‘colour’ is not a field of a unit");
  assert_problem (cols->problems, "the columns name and kind are needed");

  /* Units already held are counted, not added again */
  g_hash_table_add (known, pathways_stock_import_key ("Birch Court 4", "ng2 7cd"));
  known_run = pathways_stock_import_parse_file (sample, known, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (known_run->rows_known, 1);
  ck_assert_uint_eq (known_run->units->len, 4);
}
END_TEST

/* Into the store, whatever its backend: one transaction, matched by
 * CHILD, the same files twice change nothing, next year's extend the
 * history, a refused import writes nothing */
static Pathways903Plan *
plan_for_store (PathwaysStore      *store,
                const char * const *paths,
                Pathways903OnError  on_error)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) known = pathways_903_known_from_store (store, &error);
  Pathways903PlanOptions options = { 0 };
  Pathways903Plan *plan;

  ck_assert_no_error (error);
  options.on_error = on_error;
  plan = pathways_903_plan_build (paths, &codes, known, &options, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  return plan;
}

START_TEST (test_import_into_store)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(PathwaysStore) store = test_open_store (dir, "import.db");
  g_autofree char *h = write_file (dir, "a.csv", year1_header);
  g_autofree char *e = write_file (dir, "b.csv", year1_episodes);
  g_autofree char *h2 = write_file (dir, "c.csv", HEADER_COLS "A,M,01/05/2007,WBRI,,,\n"
                                    "B,F,01/09/2008,BAFR,,,\n" "C,M,01/01/2009,WBRI,,,\n");
  g_autofree char *e2 = write_file (dir, "d.csv", year2_episodes);
  g_autofree char *bad = write_file (dir, "e.csv", EPISODE_COLS "A,01/06/2025,P,C2,N1,H5,PR4,,,,,,\n");
  const char *year1[] = { h, e, NULL };
  const char *year2[] = { h2, e2, NULL };
  const char *wrong[] = { h, bad, NULL };
  g_autoptr(GError) error = NULL;
  Pathways903ImportCounts n;

  {
    g_autoptr(Pathways903Plan) plan = plan_for_store (store, year1, PATHWAYS_903_REFUSE);
    ck_assert (pathways_903_plan_apply (store, plan, &n, &error));
    ck_assert_no_error (error);
    ck_assert_uint_eq (n.people_added, 2);
    ck_assert_uint_eq (n.episodes_added, 3);
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), 3);
    ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM episode WHERE origin = 'import'"), 3);
  }
  {
    g_autoptr(Pathways903Plan) plan = plan_for_store (store, year1, PATHWAYS_903_REFUSE);
    ck_assert_uint_eq (plan->children_added, 0);
    ck_assert (pathways_903_plan_apply (store, plan, &n, &error));
    ck_assert_uint_eq (n.people_added + n.people_updated + n.episodes_added + n.episodes_changed, 0);
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), 3);
  }
  {
    g_autoptr(Pathways903Plan) plan = plan_for_store (store, year2, PATHWAYS_903_REFUSE);
    ck_assert (pathways_903_plan_apply (store, plan, &n, &error));
    ck_assert_no_error (error);
    ck_assert_uint_eq (n.people_added, 1);
    ck_assert_uint_eq (n.episodes_added, 2);
    ck_assert_uint_eq (n.episodes_changed, 2);
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), 5);
    ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM episode e JOIN young_person y"
                                             " ON y.id = e.young_person_id WHERE y.local_id = 'A'"
                                             " AND e.dec = '2025-05-01' AND e.rec = 'E17'"), 1);
  }
  {
    g_autoptr(Pathways903Plan) plan = plan_for_store (store, wrong, PATHWAYS_903_REFUSE);
    ck_assert (plan->refused);
    ck_assert (!pathways_903_plan_apply (store, plan, &n, &error));
    ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID));
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), 5);
  }
  test_remove_dir (dir);
}
END_TEST

/* The bulk path (new children written in one pass per kind of record,
 * their audit rows made in C) against the old one (every record saved
 * and validated on its own): the same records, the same audit rows
 * (on SQLite, the same after_values text the triggers write), a chain
 * that verifies, a chain head anchored so that the file opens writable
 * again, and an undo that leaves the database as it was */
static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (G_VALUE_TYPE (a) == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_TYPE (a) == G_TYPE_INT64)
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (G_VALUE_TYPE (a) == G_TYPE_BOOLEAN)
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (G_VALUE_TYPE (a) == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);
  return FALSE;
}

static void
assert_same_records (PathwaysStore *a,
                     PathwaysStore *b,
                     GType          type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) la = pathways_store_list (a, type, &error);
  g_autoptr(GListModel) lb = pathways_store_list (b, type, &error);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  ck_assert_no_error (error);
  ck_assert_uint_gt (g_list_model_get_n_items (la), 0);
  ck_assert_uint_eq (g_list_model_get_n_items (la), g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (lb); i++)
    {
      PathwaysRecord *r = g_list_model_get_item (lb, i);
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { pathways_record_get_id (r) }, sizeof (gint64)), r);
    }
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(PathwaysRecord) r = g_list_model_get_item (la, i);
      gint64 id = pathways_record_get_id (r);
      PathwaysRecord *q = g_hash_table_lookup (by_id, &id);
      PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (r);

      ck_assert_msg (q != NULL, "%s %" G_GINT64_FORMAT " only in the bulk import", klass->table, id);
      ck_assert_int_eq (pathways_record_get_version (r), pathways_record_get_version (q));
      for (guint f = 0; f < klass->n_fields; f++)
        ck_assert_msg (values_equal (pathways_record_peek_value (r, f), pathways_record_peek_value (q, f)),
                       "%s %" G_GINT64_FORMAT ": %s differs", klass->table, id, klass->fields[f].name);
    }
}

START_TEST (test_bulk_import_same_records_audit_and_undo)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(Pathways903Synthetic) synthetic = pathways_903_synthetic_new (300, 7, 2026);
  g_autofree char *h = write_file (dir, "header.csv", synthetic->header->str);
  g_autofree char *e = write_file (dir, "episodes.csv", synthetic->episodes->str);
  g_autofree char *o = write_file (dir, "oc3.csv", synthetic->oc3->str);
  const char *paths[] = { h, e, o, NULL };
  g_autoptr(PathwaysStore) bulk = test_open_store (dir, "bulk.db");
  g_autoptr(PathwaysStore) one = test_open_store (dir, "one.db");
  g_autoptr(GError) error = NULL;
  Pathways903ImportCounts nb = { 0 }, no = { 0 };
  gint64 audit_before = test_query_int (bulk, "SELECT count(*) FROM audit_log");

  {
    g_autoptr(Pathways903Plan) pb = plan_for_store (bulk, paths, PATHWAYS_903_SKIP_BAD_ROWS);
    g_autoptr(Pathways903Plan) po = plan_for_store (one, paths, PATHWAYS_903_SKIP_BAD_ROWS);

    ck_assert_uint_eq (pb->children_added, 300);
    ck_assert_msg (pathways_903_plan_apply (bulk, pb, &nb, &error), "%s", error ? error->message : "");
    ck_assert_msg (pathways_903_plan_apply_one_by_one (one, po, &no, &error), "%s", error ? error->message : "");
  }
  ck_assert_uint_eq (nb.people_added, 300);
  ck_assert_uint_eq (nb.people_added, no.people_added);
  ck_assert_uint_gt (nb.episodes_added, 300);
  ck_assert_uint_eq (nb.episodes_added, no.episodes_added);
  ck_assert_uint_gt (nb.facts_recorded, 0);
  ck_assert_uint_eq (nb.facts_recorded, no.facts_recorded);
  if (test_backend_is_postgres ())
    {
      guint rows = nb.people_added + nb.episodes_added + nb.facts_recorded;
      guint sent = pathways_postgres_store_get_n_bulk_statements (PATHWAYS_POSTGRES_STORE (bulk));

      /* The team server took the rows many to a statement (a statement
       * per kind at least, a round trip per hundred rows at most); the
       * one-by-one import sent none */
      ck_assert_uint_ge (sent, 3);
      ck_assert_uint_le (sent, rows / 100 + 3);
      ck_assert_uint_eq (pathways_postgres_store_get_n_bulk_statements (PATHWAYS_POSTGRES_STORE (one)), 0);
    }

  /* The same rows, the same ids and versions */
  assert_same_records (bulk, one, PATHWAYS_TYPE_YOUNG_PERSON);
  assert_same_records (bulk, one, PATHWAYS_TYPE_EPISODE);
  assert_same_records (bulk, one, PATHWAYS_TYPE_OC3_FACT);

  /* One audit row per record written (and the import log's two) */
  ck_assert_int_eq (test_query_int (bulk, "SELECT count(*) FROM audit_log") - audit_before,
                    nb.people_added + nb.episodes_added + nb.facts_recorded + 2);
  ck_assert_int_eq (test_query_int (bulk, "SELECT count(*) FROM audit_log"),
                    test_query_int (one, "SELECT count(*) FROM audit_log"));
  if (test_backend_is_sqlite ())
    {
      g_autofree char *other = g_build_filename (dir, "one.db", NULL);
      g_autofree char *attach = g_strdup_printf ("ATTACH DATABASE '%s' AS one", other);

      g_autofree char *compare = NULL;

      /* What the triggers would have written, to the byte: every audit
       * row of a record the bulk import wrote has its twin in the other
       * file (a CHECK on the writer's connection, where the file is
       * attached, fails the statement otherwise) */
      compare = g_strdup_printf ("CREATE TEMP TABLE same (n INTEGER CHECK (n = %u));"
                                 " INSERT INTO temp.same SELECT count(*) FROM main.audit_log a JOIN one.audit_log b"
                                 " ON b.table_name = a.table_name AND b.row_id = a.row_id AND b.action = a.action"
                                 " WHERE a.table_name IN ('young_person', 'episode', 'oc3_fact')"
                                 " AND a.after_values IS b.after_values AND a.actor IS b.actor"
                                 " AND a.staff_id IS b.staff_id AND a.before_values IS NULL;"
                                 " DROP TABLE temp.same",
                                 nb.people_added + nb.episodes_added + nb.facts_recorded);
      test_exec (bulk, attach);
      test_exec (bulk, compare);
      test_exec (bulk, "DETACH DATABASE one");
    }
  {
    g_autoptr(PathwaysAuditCheck) check = pathways_store_verify_audit (bulk, &error);

    ck_assert_no_error (error);
    ck_assert_msg (check->broken_row == 0, "row %" G_GINT64_FORMAT ": %s", check->broken_row,
                   check->problem ? check->problem : "");
    ck_assert_int_eq (check->n_rows, test_query_int (bulk, "SELECT count(*) FROM audit_log"));
  }
  {
    /* The chain's head was noted: the file opens writable again */
    g_autoptr(PathwaysStore) again = test_open_store_again (bulk);

    ck_assert_msg (pathways_store_get_read_only_reason (again) == NULL, "%s",
                   pathways_store_get_read_only_reason (again));
  }

  /* Undo of the whole import: nothing of it left, an audit row for
   * every record deleted, the chain still whole */
  audit_before = test_query_int (bulk, "SELECT count(*) FROM audit_log");
  ck_assert_msg (pathways_import_undo_latest (bulk, NULL, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (pathways_store_count (bulk, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);
  ck_assert_int_eq (pathways_store_count (bulk, PATHWAYS_TYPE_EPISODE, NULL), 0);
  ck_assert_int_eq (pathways_store_count (bulk, PATHWAYS_TYPE_OC3_FACT, NULL), 0);
  ck_assert_int_eq (test_query_int (bulk, "SELECT count(*) FROM audit_log WHERE action = 'delete'"
                                          " AND table_name IN ('young_person', 'episode', 'oc3_fact')"
                                          " AND after_values IS NULL AND before_values IS NOT NULL"),
                    nb.people_added + nb.episodes_added + nb.facts_recorded);
  /* … and the import log's row marked undone */
  ck_assert_int_eq (test_query_int (bulk, "SELECT count(*) FROM audit_log") - audit_before,
                    nb.people_added + nb.episodes_added + nb.facts_recorded + 1);
  {
    g_autoptr(PathwaysAuditCheck) check = pathways_store_verify_audit (bulk, &error);

    ck_assert_no_error (error);
    ck_assert_int_eq (check->broken_row, 0);
  }
  /* … and importing again gives the same records once more */
  {
    g_autoptr(Pathways903Plan) pb = plan_for_store (bulk, paths, PATHWAYS_903_SKIP_BAD_ROWS);

    ck_assert_uint_eq (pb->children_added, 300);
    ck_assert (pathways_903_plan_apply (bulk, pb, &nb, &error));
    ck_assert_no_error (error);
    ck_assert_uint_eq (nb.episodes_added, no.episodes_added);
  }
  test_remove_dir (dir);
}
END_TEST

/* Undo of a large import deletes each kind of record by the range of
 * its new ids (a statement each, not one per record), still writing an
 * audit row for every record it deletes; and still refuses when one of
 * them was edited or deleted since (wherever it is in its run), naming
 * it, and changes nothing: the runs deleted before the one that refuses
 * are put back */
START_TEST (test_import_undo_by_ranges)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(Pathways903Synthetic) synthetic = pathways_903_synthetic_new (1100, 11, 2026);
  g_autofree char *h = write_file (dir, "header.csv", synthetic->header->str);
  g_autofree char *e = write_file (dir, "episodes.csv", synthetic->episodes->str);
  g_autofree char *o = write_file (dir, "oc3.csv", synthetic->oc3->str);
  const char *paths[] = { h, e, o, NULL };
  g_autoptr(PathwaysStore) undone = test_open_store (dir, "undone.db");
  g_autoptr(PathwaysStore) store = test_open_store (dir, "ranges.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) episodes = NULL;
  g_autoptr(PathwaysYoungPerson) p = NULL;
  g_autoptr(PathwaysRecord) ep = NULL;
  g_autofree char *name = NULL;
  Pathways903ImportCounts n = { 0 };
  gint64 audit_before;

  {
    g_autoptr(Pathways903Plan) plan = plan_for_store (undone, paths, PATHWAYS_903_SKIP_BAD_ROWS);

    ck_assert_msg (pathways_903_plan_apply (undone, plan, &n, &error), "%s", error ? error->message : "");
  }
  ck_assert_uint_eq (n.people_added, 1100);
  ck_assert_uint_gt (n.episodes_added, 1100);
  audit_before = test_query_int (undone, "SELECT count(*) FROM audit_log");
  ck_assert_msg (pathways_import_undo_latest (undone, NULL, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (pathways_store_count (undone, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);
  ck_assert_int_eq (pathways_store_count (undone, PATHWAYS_TYPE_EPISODE, NULL), 0);
  ck_assert_int_eq (pathways_store_count (undone, PATHWAYS_TYPE_OC3_FACT, NULL), 0);
  /* The young people and the episodes by their ranges (the facts are
   * fewer than a run worth it) */
  ck_assert_uint_ge (pathways_store_get_n_range_deletes (undone), 2);
  ck_assert_int_eq (test_query_int (undone, "SELECT count(*) FROM audit_log WHERE action = 'delete'"
                                            " AND table_name IN ('young_person', 'episode', 'oc3_fact')"
                                            " AND after_values IS NULL AND before_values IS NOT NULL"),
                    n.people_added + n.episodes_added + n.facts_recorded);
  ck_assert_int_eq (test_query_int (undone, "SELECT count(*) FROM audit_log") - audit_before,
                    n.people_added + n.episodes_added + n.facts_recorded + 1);
  {
    g_autoptr(PathwaysAuditCheck) check = pathways_store_verify_audit (undone, &error);

    ck_assert_no_error (error);
    ck_assert_int_eq (check->broken_row, 0);
    ck_assert_int_eq (check->n_rows, test_query_int (undone, "SELECT count(*) FROM audit_log"));
  }

  {
    g_autoptr(Pathways903Plan) plan = plan_for_store (store, paths, PATHWAYS_903_SKIP_BAD_ROWS);

    ck_assert_msg (pathways_903_plan_apply (store, plan, &n, &error), "%s", error ? error->message : "");
  }

  /* A young person in the middle of the run edited since: the facts and
   * episodes (undone first) are put back too */
  people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, &error);
  ck_assert_uint_eq (g_list_model_get_n_items (people), 1100);
  p = g_list_model_get_item (people, 550);
  pathways_young_person_set_given_name (p, "Priya");
  ck_assert (pathways_store_update (store, PATHWAYS_RECORD (p), &error));
  name = pathways_young_person_dup_display_name (p);
  audit_before = test_query_int (store, "SELECT count(*) FROM audit_log");
  ck_assert (!pathways_import_undo_latest (store, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  ck_assert_msg (strstr (error->message, "cannot be undone") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, name) != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "changed again") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 1100);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), n.episodes_added);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_OC3_FACT, NULL), n.facts_recorded);
  ck_assert_int_eq (test_query_int (store, "SELECT count(*) FROM audit_log"), audit_before);
  /* (the episodes were deleted by their range, then put back) */
  ck_assert_uint_ge (pathways_store_get_n_range_deletes (store), 1);

  /* An episode in the middle of its run deleted since */
  episodes = pathways_store_list (store, PATHWAYS_TYPE_EPISODE, &error);
  ep = g_list_model_get_item (episodes, g_list_model_get_n_items (episodes) / 2);
  ck_assert (pathways_store_delete (store, ep, &error));
  ck_assert (!pathways_import_undo_latest (store, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  ck_assert_msg (strstr (error->message, "deleted") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 1100);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), n.episodes_added - 1);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_OC3_FACT, NULL), n.facts_recorded);
  {
    g_autoptr(PathwaysImportLog) log = pathways_import_log_latest (store, &error);

    ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (log)), n.import_id);
    ck_assert_ptr_null (pathways_import_log_get_undone_at (log));
  }
  {
    g_autoptr(PathwaysAuditCheck) check = pathways_store_verify_audit (store, &error);

    ck_assert_no_error (error);
    ck_assert_int_eq (check->broken_row, 0);
  }
  test_remove_dir (dir);
}
END_TEST

/* OC3 rows become facts on the record, the export uses them (or what
 * the record knows), every import is logged and the latest can be undone,
 * refused as a conflict once a record it wrote has been edited */
static const char oc3_header[] = HEADER_COLS "P,F,01/05/2007,WBRI,,,\n";
static const char oc3_episodes[] = EPISODE_COLS
  "P,01/06/2022,S,C2,N1,U4,PR1,01/03/2025,E8,,,,\n";
static const char oc3_rows[] = OC3_COLS "P,01/05/2007,YES,F2,D1\n";

static Pathways903Plan *
plan_for_year (PathwaysStore      *store,
               const char * const *paths,
               int                 year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) known = pathways_903_known_from_store (store, &error);
  Pathways903PlanOptions options = { 0 };
  Pathways903Plan *plan;

  ck_assert_no_error (error);
  options.on_error = PATHWAYS_903_REFUSE;
  options.collection_year = year;
  plan = pathways_903_plan_build (paths, &codes, known, &options, NULL, NULL, NULL, &error);
  ck_assert_no_error (error);
  {
    g_autofree char *all = all_messages (plan->data->problems);
    ck_assert_msg (plan->data->n_errors == 0, "%s", all);
  }
  return plan;
}

START_TEST (test_import_oc3_facts_log_and_undo)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(PathwaysStore) store = test_open_store (dir, "oc3.db");
  g_autofree char *h = write_file (dir, "header.csv", oc3_header);
  g_autofree char *e = write_file (dir, "episodes.csv", oc3_episodes);
  g_autofree char *o = write_file (dir, "oc3.csv", oc3_rows);
  const char *paths[] = { h, e, o, NULL };
  g_autoptr(GError) error = NULL;
  Pathways903ImportCounts n;

  {
    g_autoptr(Pathways903Plan) plan = plan_for_year (store, paths, 2026);
    g_autoptr(GListModel) facts = NULL;
    g_autoptr(PathwaysOc3Fact) fact = NULL;
    g_autoptr(PathwaysImportLog) log = NULL;

    ck_assert (pathways_903_plan_apply (store, plan, &n, &error));
    ck_assert_no_error (error);
    ck_assert_uint_eq (n.people_added, 1);
    ck_assert_uint_eq (n.facts_recorded, 1);
    facts = pathways_store_list (store, PATHWAYS_TYPE_OC3_FACT, &error);
    ck_assert_uint_eq (g_list_model_get_n_items (facts), 1);
    fact = g_list_model_get_item (facts, 0);
    ck_assert_str_eq (pathways_oc3_fact_get_birthday (fact), "2025-05-01");
    ck_assert_str_eq (pathways_oc3_fact_get_in_touch (fact), "YES");
    ck_assert_str_eq (pathways_oc3_fact_get_activ (fact), "F2");
    ck_assert_str_eq (pathways_oc3_fact_get_accom (fact), "D1");
    ck_assert_int_eq (pathways_oc3_fact_get_import_id (fact), n.import_id);

    /* The log: when, who, the files with their digests, the counts */
    log = pathways_import_log_latest (store, &error);
    ck_assert_ptr_nonnull (log);
    ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (log)), n.import_id);
    ck_assert_ptr_nonnull (strstr (pathways_import_log_get_files (log), "oc3.csv\t"));
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, oc3_rows, -1);
      ck_assert_ptr_nonnull (strstr (pathways_import_log_get_files (log), sum));
    }
    ck_assert_int_eq (pathways_import_log_get_people_added (log), 1);
    ck_assert_int_eq (pathways_import_log_get_episodes_added (log), 1);
    ck_assert_int_eq (pathways_import_log_get_facts_recorded (log), 1);
  }

  /* The exported OC3 row is complete */
  {
    g_autoptr(Pathways903Export) x = pathways_903_export_from_store (store, 2026, &codes, &error);
    g_autoptr(GString) csv = NULL;

    ck_assert_no_error (error);
    csv = pathways_903_export_table_csv (x, PATHWAYS_903_TABLE_OC3);
    ck_assert_str_eq (csv->str, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\r\nP,01/05/2007,YES,F2,D1\r\n");
  }

  /* Annex A, List 9 from the store: the care leaver, not in touch (no
   * contact in three months) */
  {
    g_autoptr(GPtrArray) rows = pathways_annex_a_rows_from_store (store, TEST_TODAY, &error);
    PathwaysAnnexARow *row;

    ck_assert_no_error (error);
    ck_assert_uint_eq (rows->len, 1);
    row = g_ptr_array_index (rows, 0);
    ck_assert_str_eq (row->id, "P");
    ck_assert_str_eq (row->date_of_birth, "2007-05-01");
    ck_assert_str_eq (row->in_touch, "NO");
  }

  /* Twice: the second changes nothing; undone first, then the first */
  {
    g_autoptr(Pathways903Plan) plan = plan_for_year (store, paths, 2026);
    g_autoptr(PathwaysImportLog) undone = NULL;
    gint64 first = n.import_id;

    ck_assert (pathways_903_plan_apply (store, plan, &n, &error));
    ck_assert_uint_eq (n.facts_recorded + n.people_added + n.episodes_added, 0);
    ck_assert (pathways_import_undo_latest (store, &undone, &error));
    ck_assert_no_error (error);
    ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (undone)), n.import_id);
    g_clear_object (&undone);
    ck_assert (pathways_import_undo_latest (store, &undone, &error));
    ck_assert_no_error (error);
    ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (undone)), first);
    ck_assert_ptr_nonnull (pathways_import_log_get_undone_at (undone));
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 0);
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_EPISODE, NULL), 0);
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_OC3_FACT, NULL), 0);
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_IMPORT_LOG, NULL), 2);
    ck_assert (!pathways_import_undo_latest (store, NULL, &error));
    ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND));
    g_clear_error (&error);
  }

  /* Edited since: the undo is a conflict and changes nothing */
  {
    g_autoptr(Pathways903Plan) plan = plan_for_year (store, paths, 2026);
    g_autoptr(GListModel) people = NULL;
    g_autoptr(PathwaysYoungPerson) p = NULL;

    ck_assert (pathways_903_plan_apply (store, plan, &n, &error));
    people = pathways_store_list (store, PATHWAYS_TYPE_YOUNG_PERSON, &error);
    p = g_list_model_get_item (people, 0);
    pathways_young_person_set_given_name (p, "Priya");
    ck_assert (pathways_store_update (store, PATHWAYS_RECORD (p), &error));
    ck_assert_no_error (error);
    ck_assert (!pathways_import_undo_latest (store, NULL, &error));
    ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
    ck_assert_ptr_nonnull (strstr (error->message, "cannot be undone"));
    g_clear_error (&error);
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_YOUNG_PERSON, NULL), 1);
    ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_OC3_FACT, NULL), 1);
    {
      g_autoptr(PathwaysImportLog) log = pathways_import_log_latest (store, &error);
      ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (log)), n.import_id);
    }
  }
  test_remove_dir (dir);
}
END_TEST

/* Without a fact for the birthday: in touch from a contact three months
 * before to one month after, the activity and the accommodation held on
 * the day; a recorded fact wins */
START_TEST (test_oc3_answer_derived_from_the_record)
{
  g_autoptr(GListStore) facts = g_list_store_new (PATHWAYS_TYPE_OC3_FACT);
  g_autoptr(GListStore) contacts = g_list_store_new (PATHWAYS_TYPE_CONTACT);
  g_autoptr(GListStore) activities = g_list_store_new (PATHWAYS_TYPE_ACTIVITY);
  g_autoptr(GListStore) spells = g_list_store_new (PATHWAYS_TYPE_SPELL);
  g_autoptr(PathwaysOc3Answer) none = NULL, derived = NULL, recorded = NULL;
  g_autofree char *bday = NULL;
  int age = 0;

  bday = pathways_oc3_birthday_in ("2007-05-01", "2025-04-01", "2026-03-31", &age);
  ck_assert_str_eq (bday, "2025-05-01");
  ck_assert_int_eq (age, 18);
  ck_assert_ptr_null (pathways_oc3_birthday_in ("2010-05-01", "2025-04-01", "2026-03-31", NULL));

  g_list_store_append (contacts, g_object_new (PATHWAYS_TYPE_CONTACT, "contact-date", "2025-01-20",
                                               "kind", "visit", NULL));
  none = pathways_oc3_answer_derive (G_LIST_MODEL (facts), G_LIST_MODEL (contacts), G_LIST_MODEL (activities),
                                     G_LIST_MODEL (spells), bday, age);
  ck_assert_ptr_null (none->in_touch);   /* more than three months before */

  g_list_store_append (contacts, g_object_new (PATHWAYS_TYPE_CONTACT, "contact-date", "2025-05-20",
                                               "kind", "phone", NULL));
  g_list_store_append (activities, g_object_new (PATHWAYS_TYPE_ACTIVITY, "activ", "F4",
                                                 "start-date", "2024-09-01", NULL));
  g_list_store_append (spells, g_object_new (PATHWAYS_TYPE_SPELL, "accom", "E", "accom-suitable", TRUE,
                                             "start-date", "2024-01-01", "actual-end", "2025-05-01",
                                             "state", "ended", NULL));
  g_list_store_append (spells, g_object_new (PATHWAYS_TYPE_SPELL, "accom", "V", "accom-suitable", FALSE,
                                             "start-date", "2025-05-01", "state", "current", NULL));
  derived = pathways_oc3_answer_derive (G_LIST_MODEL (facts), G_LIST_MODEL (contacts), G_LIST_MODEL (activities),
                                        G_LIST_MODEL (spells), bday, age);
  ck_assert (!derived->recorded);
  ck_assert_str_eq (derived->in_touch, "YES");
  ck_assert_str_eq (derived->activ, "F4");
  ck_assert_str_eq (derived->accom, "V2");

  g_list_store_append (facts, g_object_new (PATHWAYS_TYPE_OC3_FACT, "birthday", "2025-05-01", "in-touch", "REFU",
                                            "activ", "G5", "accom", "R2", NULL));
  recorded = pathways_oc3_answer_derive (G_LIST_MODEL (facts), G_LIST_MODEL (contacts), G_LIST_MODEL (activities),
                                         G_LIST_MODEL (spells), bday, age);
  ck_assert (recorded->recorded);
  ck_assert_str_eq (recorded->in_touch, "REFU");
  ck_assert_str_eq (recorded->accom, "R2");
}
END_TEST

/* Round trip: a synthetic authority written as every year's return and
 * read back, oldest first, into an empty database gives the same young
 * people, episodes and statuses (children with a row the import refuses
 * left out of the comparison, and there must be few) */
static void
exclude_bad (GHashTable *out,
             GPtrArray  *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Pathways903Episode *e = g_ptr_array_index (rows, i);   /* src first, then child in every row type */
      if (e->src.bad && e->child != NULL)
        g_hash_table_add (out, g_strdup (e->child));
    }
}

START_TEST (test_round_trip_generate_export_import)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *out = g_build_filename (dir, "903", NULL);
  g_autoptr(PathwaysStore) a = test_open_store (dir, "from.db");
  g_autoptr(PathwaysStore) b = test_open_store (dir, "to.db");
  g_autoptr(GHashTable) excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(PathwaysSnapshot) snap_a = NULL, snap_b = NULL;
  guint n_years = 0, compared = 0, with_episodes = 0;

  ck_assert (pathways_generate_people (a, 8, 7, TEST_TODAY, NULL, &error));
  ck_assert_no_error (error);
  ck_assert (pathways_903_export_all_years (a, &codes, out, TEST_TODAY, &n_years, &error));
  ck_assert_no_error (error);
  ck_assert_uint_gt (n_years, 1);
  {
    g_autofree char *last = g_strdup_printf ("%s/2027/episodes.csv", out);
    struct stat st;
    ck_assert_int_eq (g_stat (last, &st), 0);
    ck_assert_int_eq (st.st_mode & 0777, 0600);
  }

  for (int year = 2027 - (int) n_years + 1; year <= 2027; year++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/%d", out, year);
      const char *paths[] = { sub, NULL };
      g_autoptr(GHashTable) known = pathways_903_known_from_store (b, &error);
      Pathways903PlanOptions options = { 0 };
      g_autoptr(Pathways903Plan) plan = NULL;

      options.on_error = PATHWAYS_903_SKIP_BAD_ROWS;
      options.collection_year = year;
      plan = pathways_903_plan_build (paths, &codes, known, &options, NULL, NULL, NULL, &error);
      ck_assert_no_error (error);
      exclude_bad (excluded, plan->data->children);
      exclude_bad (excluded, plan->data->episodes);
      exclude_bad (excluded, plan->data->oc3);
      ck_assert_msg (pathways_903_plan_apply (b, plan, NULL, &error), "%d: %s", year,
                     error ? error->message : "");
    }

  snap_a = pathways_snapshot_load (a, TEST_TODAY, &error);
  snap_b = pathways_snapshot_load (b, TEST_TODAY, &error);
  ck_assert_no_error (error);
  people = pathways_store_list (a, PATHWAYS_TYPE_YOUNG_PERSON, &error);
  {
    g_autoptr(GListModel) imported = pathways_store_list (b, PATHWAYS_TYPE_YOUNG_PERSON, &error);
    g_autoptr(GHashTable) by_child = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (imported); i++)
      {
        PathwaysYoungPerson *p = g_list_model_get_item (imported, i);
        g_hash_table_insert (by_child, (gpointer) pathways_young_person_get_local_id (p), p);
      }
    for (guint i = 0; i < g_list_model_get_n_items (people); i++)
      {
        g_autoptr(PathwaysYoungPerson) p = g_list_model_get_item (people, i);
        const char *child = pathways_young_person_get_local_id (p);
        gint64 id = pathways_record_get_id (PATHWAYS_RECORD (p));
        g_autoptr(GListModel) ea = pathways_store_list_for_person (a, PATHWAYS_TYPE_EPISODE, id, NULL);
        PathwaysYoungPerson *q;
        g_autoptr(GListModel) eb = NULL;
        PathwaysCareStatus sa, sb;

        if (g_list_model_get_n_items (ea) == 0)
          continue;
        with_episodes++;
        if (g_hash_table_contains (excluded, child))
          continue;
        q = g_hash_table_lookup (by_child, child);
        ck_assert_msg (q != NULL, "%s was not imported", child);
        ck_assert_str_eq (pathways_young_person_get_date_of_birth (q), pathways_young_person_get_date_of_birth (p));
        ck_assert_str_eq (pathways_young_person_get_sex (q), pathways_young_person_get_sex (p));
        eb = pathways_store_list_for_person (b, PATHWAYS_TYPE_EPISODE, pathways_record_get_id (PATHWAYS_RECORD (q)),
                                             NULL);
        ck_assert_uint_eq (g_list_model_get_n_items (eb), g_list_model_get_n_items (ea));
        for (guint j = 0; j < g_list_model_get_n_items (ea); j++)
          {
            g_autoptr(PathwaysEpisode) x = g_list_model_get_item (ea, j);
            g_autoptr(PathwaysEpisode) y = NULL;

            for (guint k = 0; k < g_list_model_get_n_items (eb) && y == NULL; k++)
              {
                g_autoptr(PathwaysEpisode) z = g_list_model_get_item (eb, k);
                if (g_strcmp0 (pathways_episode_get_decom (z), pathways_episode_get_decom (x)) == 0)
                  y = g_steal_pointer (&z);
              }
            ck_assert_msg (y != NULL, "%s: no episode from %s", child, pathways_episode_get_decom (x));
            ck_assert_str_eq (pathways_episode_get_place (y), pathways_episode_get_place (x));
            ck_assert_str_eq (pathways_episode_get_ls (y), pathways_episode_get_ls (x));
            ck_assert_pstr_eq (pathways_episode_get_dec (y), pathways_episode_get_dec (x));
            ck_assert_pstr_eq (pathways_episode_get_rec (y), pathways_episode_get_rec (x));
          }
        sa = pathways_rules_care_status (pathways_snapshot_get_person (snap_a, id), TEST_TODAY, NULL);
        sb = pathways_rules_care_status (pathways_snapshot_get_person (snap_b, pathways_record_get_id (PATHWAYS_RECORD (q))),
                                         TEST_TODAY, NULL);
        ck_assert_msg (sa == sb, "%s: status %d, after the round trip %d", child, sa, sb);
        compared++;
      }
  }
  ck_assert_msg (compared >= 3 && compared * 2 >= with_episodes, "only %u of %u compared", compared, with_episodes);
  test_remove_dir (dir);
}
END_TEST

/* A stock list into the store: the new units in one transaction; the
 * same file again adds nothing */
START_TEST (test_stock_import_into_store)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(PathwaysStore) store = test_open_store (dir, "stock.db");
  g_autofree char *sample = g_build_filename (g_getenv ("PATHWAYS_SOURCE_DIR"), "data", "stock-sample.csv", NULL);
  g_autoptr(GError) error = NULL;
  gint64 before = pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL);

  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GHashTable) known = pathways_stock_known_keys (store, &error);
      g_autoptr(PathwaysStockImport) import = pathways_stock_import_parse_file (sample, known, NULL, &error);

      ck_assert_no_error (error);
      ck_assert_uint_eq (import->n_errors, 0);
      ck_assert_uint_eq (import->units->len, pass == 0 ? 5 : 0);
      ck_assert_uint_eq (import->rows_known, pass == 0 ? 0 : 5);
      ck_assert (pathways_stock_import_apply (store, import, &error));
      ck_assert_no_error (error);
      ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), before + 5);
      /* Logged once (the second pass added nothing, so logged nothing) */
      ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_IMPORT_LOG, NULL), 1);
    }
  {
    g_autoptr(PathwaysImportLog) log = pathways_import_log_latest (store, &error);
    g_autofree char *text = NULL;

    ck_assert_no_error (error);
    ck_assert_str_eq (pathways_import_log_get_kind (log), "stock");
    text = pathways_import_log_describe (log);
    ck_assert_msg (strstr (text, "stock list, 5 units added") != NULL, "%s", text);
    ck_assert_msg (strstr (text, "stock-sample.csv") != NULL, "%s", text);
  }
  /* Undo removes the whole import */
  ck_assert (pathways_import_undo_latest (store, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), before);
  test_remove_dir (dir);
}
END_TEST

typedef struct
{
  gboolean           done;
  PathwaysImportLog *undone;
  GError            *error;
} UndoState;

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  UndoState *u = user_data;

  u->undone = pathways_import_undo_finish (PATHWAYS_STORE (source), result, &u->error);
  u->done = TRUE;
}

static gboolean
undo_done (gpointer data)
{
  return ((UndoState *) data)->done;
}

static gint64
import_stock_text (PathwaysStore *store,
                   const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) known = pathways_stock_known_keys (store, &error);
  g_autoptr(PathwaysStockImport) import = pathways_stock_import_parse_bytes ("stock.csv", text, strlen (text),
                                                                            known, NULL, &error);
  gint64 id = 0;

  ck_assert_no_error (error);
  ck_assert_uint_eq (import->n_errors, 0);
  ck_assert (pathways_stock_import_apply_full (store, import, NULL, &id, &error));
  ck_assert_no_error (error);
  ck_assert_int_gt (id, 0);
  return id;
}

/* Undo by id (what an import's toast does): checked inside the undo's
 * transaction, so an import made since (another window, another desktop)
 * is never undone in its place; refused with a reason, changing nothing,
 * when a later import must be undone first or it was undone already */
START_TEST (test_import_undo_by_id_refuses_all_but_the_newest)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(PathwaysStore) store = test_open_store (dir, "undo.db");
  g_autoptr(GError) error = NULL;
  gint64 before = pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL);
  gint64 first, second;
  UndoState u = { FALSE, NULL, NULL };

  first = import_stock_text (store, "name,postcode,kind,bedrooms,weekly-cost\n"
                                    "Alder House flat 1,NG1 4AB,supported,1,900\n"
                                    "Alder House flat 2,NG1 4AB,supported,1,900\n");
  /* Meanwhile, another import */
  second = import_stock_text (store, "name,postcode,kind,bedrooms,weekly-cost\n"
                                     "Birch Court 4,NG2 7CD,supported,2,800\n");
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), before + 3);

  /* The first one's Undo is refused: the later one is newer */
  ck_assert (!pathways_import_undo (store, first, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  ck_assert_msg (strstr (error->message, "later import") != NULL, "%s", error->message);
  g_clear_error (&error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), before + 3);

  /* The same from a worker thread */
  pathways_import_undo_async (store, first, NULL, undone_cb, &u);
  ck_assert (test_wait_for (undo_done, &u));
  ck_assert_ptr_null (u.undone);
  ck_assert (g_error_matches (u.error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  g_clear_error (&u.error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), before + 3);

  /* The newest undone by its id, in a worker thread */
  u.done = FALSE;
  pathways_import_undo_async (store, second, NULL, undone_cb, &u);
  ck_assert (test_wait_for (undo_done, &u));
  ck_assert_no_error (u.error);
  ck_assert_ptr_nonnull (u.undone);
  ck_assert_int_eq (pathways_record_get_id (PATHWAYS_RECORD (u.undone)), second);
  g_clear_object (&u.undone);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), before + 2);

  /* Undone already: refused, saying so */
  ck_assert (!pathways_import_undo (store, second, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  ck_assert_msg (strstr (error->message, "undone on") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* Now the first is the newest not undone */
  ck_assert (pathways_import_undo (store, first, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), before);

  /* An id that was never an import */
  ck_assert (!pathways_import_undo (store, second + 100, NULL, &error));
  ck_assert (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);
  test_remove_dir (dir);
}
END_TEST

/* Two desktops undoing the same import at once: the second waits until
 * the first has committed, then is refused saying it was undone (not
 * that a record it wrote was deleted since: it read the import log only
 * once the first had finished) */
typedef struct {
  PathwaysStore *store;
  gint64         import_id;
  GError        *error;
  gboolean       ok;
  gint           done;  /* atomic */
} RacingUndo;

static gpointer
racing_undo_thread (gpointer data)
{
  RacingUndo *r = data;

  r->ok = pathways_import_undo (r->store, r->import_id, NULL, &r->error);
  g_atomic_int_set (&r->done, 1);
  return NULL;
}

START_TEST (test_import_undo_racing_undo_waits)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(PathwaysStore) store = test_open_store (dir, "race.db");
  g_autoptr(PathwaysStore) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL);
  RacingUndo r = { NULL, 0, NULL, FALSE, 0 };
  GThread *thread;

  r.import_id = import_stock_text (store, "name,postcode,kind,bedrooms,weekly-cost\n"
                                          "Alder House flat 1,NG1 4AB,supported,1,900\n"
                                          "Alder House flat 2,NG1 4AB,supported,1,900\n");
  other = test_open_store_again (store);
  r.store = other;

  /* The first undoes it and has not committed yet when the second starts */
  ck_assert (pathways_store_begin (store, &error));
  ck_assert_msg (pathways_import_undo (store, r.import_id, NULL, &error), "%s", error ? error->message : "");
  thread = g_thread_new ("racing-undo", racing_undo_thread, &r);
  g_usleep (300 * 1000);
  ck_assert_int_eq (g_atomic_int_get (&r.done), 0);
  ck_assert (pathways_store_commit (store, &error));
  g_thread_join (thread);

  ck_assert (!r.ok);
  ck_assert (g_error_matches (r.error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT));
  ck_assert_msg (strstr (r.error->message, "it was undone on") != NULL, "%s", r.error->message);
  g_clear_error (&r.error);
  ck_assert_int_eq (pathways_store_count (store, PATHWAYS_TYPE_UNIT, NULL), before);
  {
    g_autoptr(PathwaysAuditCheck) check = pathways_store_verify_audit (store, &error);

    ck_assert_no_error (error);
    ck_assert_int_eq (check->broken_row, 0);
  }
  test_remove_dir (dir);
}
END_TEST

/* Suite ---------------------------------------------------------------------- */

static Suite *
exchange_suite (void)
{
  Suite *s = suite_create ("exchange");
  TCase *tc = tcase_create ("csv");

  tcase_add_test (tc, test_csv_quoting_newlines_crlf);
  tcase_add_test (tc, test_csv_windows_1252);
  tcase_add_test (tc, test_csv_bad_input_clear_errors);
  tcase_add_test (tc, test_csv_write_quotes_only_when_needed);
  suite_add_tcase (s, tc);

  tc = tcase_create ("903");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_codes_valid_on_their_dates);
  tcase_add_test (tc, test_codes_file_errors_say_where);
  tcase_add_test (tc, test_codes_table_filled_by_hand);
  tcase_add_test (tc, test_recognise_by_columns_not_names);
  tcase_add_test (tc, test_read_files_whatever_their_names);
  tcase_add_test (tc, test_every_code_list_violated_once);
  tcase_add_test (tc, test_codes_checked_on_the_rows_own_dates);
  tcase_add_test (tc, test_values_required_blank_and_dates);
  tcase_add_test (tc, test_duplicates_and_overlaps);
  suite_add_tcase (s, tc);

  tc = tcase_create ("import");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_plan_idempotent_and_next_year_extends);
  tcase_add_test (tc, test_plan_skip_or_refuse_bad_rows);
  tcase_add_test (tc, test_plan_unreadable_and_ignored_files);
  tcase_add_test (tc, test_plan_async_progress_and_cancel);
  tcase_add_test (tc, test_import_into_store);
  tcase_add_test (tc, test_bulk_import_same_records_audit_and_undo);
  tcase_add_test (tc, test_import_undo_by_ranges);
  tcase_add_test (tc, test_import_oc3_facts_log_and_undo);
  tcase_add_test (tc, test_oc3_answer_derived_from_the_record);
  tcase_add_test (tc, test_stock_import_sample_and_errors);
  tcase_add_test (tc, test_stock_import_into_store);
  tcase_add_test (tc, test_import_undo_by_id_refuses_all_but_the_newest);
  tcase_add_test (tc, test_import_undo_racing_undo_waits);
  suite_add_tcase (s, tc);

  tc = tcase_create ("export");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_export_check_oc3_rules);
  tcase_add_test (tc, test_export_check_episode_rules);
  tcase_add_test (tc, test_export_cohort_and_columns);
  tcase_add_test (tc, test_export_round_trip);
  tcase_add_test (tc, test_round_trip_generate_export_import);
  tcase_add_test (tc, test_export_written_only_when_clean_and_privately);
  tcase_add_test (tc, test_annex_a_csv_and_xlsx);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (exchange_suite ());
}
