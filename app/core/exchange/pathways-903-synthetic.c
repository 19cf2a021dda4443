/* pathways-903-synthetic.c — a synthetic SSDA903 return, for benchmarks and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include "pathways-903.h"
#include "pathways-903-synthetic.h"

static const char *const sexes[] = { "M", "F" };
static const char *const ethnic[] = { "WBRI", "WOTH", "MWBC", "AIND", "APKN", "BAFR", "BCRB", "CHNE", "OOTH" };
static const char *const places[] = { "U1", "U3", "U4", "U6", "K2", "R1", "U4", "U6" };
static const char *const providers[] = { "PR1", "PR4", "PR5" };
static const char *const legal[] = { "C1", "C2", "V2", "E1" };
static const char *const need[] = { "N1", "N2", "N4", "N5", "N6" };
static const char *const activ[] = { "F1", "F2", "F4", "F5", "P5", "G4", "G5", "G6" };
static const char *const accom[] = { "U1", "D1", "E1", "B1", "K1", "V2", "T1", "W2" };

#define PICK(rand, list) (list[g_rand_int_range (rand, 0, G_N_ELEMENTS (list))])

static void
date_uk (GDate *d,
         char   out[11])
{
  g_snprintf (out, 11, "%02u/%02u/%04u", g_date_get_day (d), g_date_get_month (d), g_date_get_year (d));
}

/**
 * pathways_903_synthetic_new:
 * @year: the collection year (2026: 01/04/2025 to 31/03/2026)
 *
 * Returns: (transfer full): the three tables as CSV
 */
Pathways903Synthetic *
pathways_903_synthetic_new (guint   n_children,
                            guint32 seed,
                            int     year)
{
  Pathways903Synthetic *s = g_new0 (Pathways903Synthetic, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&start, 1, G_DATE_APRIL, (GDateYear) (year - 1));
  g_date_set_dmy (&end, 31, G_DATE_MARCH, (GDateYear) year);

  s->header = g_string_new (NULL);
  s->episodes = g_string_new (NULL);
  s->oc3 = g_string_new (NULL);
  pathways_903_append_header_row (s->header, PATHWAYS_903_TABLE_HEADER);
  pathways_903_append_header_row (s->episodes, PATHWAYS_903_TABLE_EPISODES);
  pathways_903_append_header_row (s->oc3, PATHWAYS_903_TABLE_OC3);

  for (guint i = 0; i < n_children; i++)
    {
      char child[16], dob_uk[11], a[11], b[11];
      GDate dob, decom, dec, b17, b22;
      guint n_episodes = (guint) g_rand_int_range (rand, 1, 5);
      const char *place = NULL;

      g_snprintf (child, sizeof child, "C%07u", i + 1);
      /* Aged 5 to 21 at the start of the year */
      g_date_clear (&dob, 1);
      g_date_set_julian (&dob, g_date_get_julian (&start) - (guint32) g_rand_int_range (rand, 5 * 365, 21 * 365));
      date_uk (&dob, dob_uk);
      g_string_append_printf (s->header, "%s,%s,%s,%s,,,\r\n", child, PICK (rand, sexes), dob_uk, PICK (rand, ethnic));
      s->n_rows++;

      /* Contiguous episodes from some time in the year before, within the year */
      decom = start;
      g_date_subtract_days (&decom, (guint) g_rand_int_range (rand, 0, 300));
      for (guint e = 0; e < n_episodes; e++)
        {
          gboolean last = e + 1 == n_episodes;
          gboolean open = last && g_rand_boolean (rand);

          dec = decom;
          g_date_add_days (&dec, (guint) g_rand_int_range (rand, 20, 120));
          if (g_date_compare (&dec, &end) > 0)
            {
              dec = end;
              open = TRUE;
            }
          place = PICK (rand, places);
          date_uk (&decom, a);
          date_uk (&dec, b);
          g_string_append_printf (s->episodes, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,,,\r\n", child, a,
                                  e == 0 ? "S" : "P", PICK (rand, legal), PICK (rand, need), place,
                                  PICK (rand, providers), open ? "" : b, open ? "" : (last ? "E8" : "X1"),
                                  e == 0 ? "" : "CARPL");
          s->n_rows++;
          if (open)
            break;
          decom = dec;
        }

      /* Care leavers: those with a 17th to 21st birthday in the year */
      b17 = dob;
      g_date_add_years (&b17, 17);
      b22 = dob;
      g_date_add_years (&b22, 22);
      if (g_date_compare (&b17, &end) <= 0 && g_date_compare (&b22, &start) > 0)
        {
          g_string_append_printf (s->oc3, "%s,%s,YES,%s,%s\r\n", child, dob_uk, PICK (rand, activ), PICK (rand, accom));
          s->n_rows++;
        }
    }
  return s;
}

void
pathways_903_synthetic_free (Pathways903Synthetic *s)
{
  if (s == NULL)
    return;
  g_string_free (s->header, TRUE);
  g_string_free (s->episodes, TRUE);
  g_string_free (s->oc3, TRUE);
  g_free (s);
}
