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
#include "pathways-903-plan.h"

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
    PathwaysExchangeProblem *p = find_problem (d->problems, "episodes.csv row 5");
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
    "J,01/06/2024,S,C2,N1,U4,,,,,,,\n",                  /* 11: provider missing (526) */
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
  ck_assert_int_eq (find_problem (d->problems, "row 10,")->severity, PATHWAYS_PROBLEM_WARNING);
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
  tcase_add_test (tc, test_recognise_by_columns_not_names);
  tcase_add_test (tc, test_read_files_whatever_their_names);
  tcase_add_test (tc, test_every_code_list_violated_once);
  tcase_add_test (tc, test_codes_checked_on_the_rows_own_dates);
  tcase_add_test (tc, test_values_required_blank_and_dates);
  tcase_add_test (tc, test_duplicates_and_overlaps);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (exchange_suite ());
}
