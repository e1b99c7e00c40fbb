-- Reference data: the standard kinds of service unit (kept apart from the schema change).
INSERT INTO service_unit_type (code, name_nb, name_nn, name_en, sort_order, built_in) VALUES
  ('kindergarten', 'Barnehage', 'Barnehage', 'Kindergarten', 10, true),
  ('school_primary', 'Barneskole', 'Barneskule', 'Primary school', 20, true),
  ('school_lower_secondary', 'Ungdomsskole', 'Ungdomsskule', 'Lower secondary school', 30, true),
  ('school_upper_secondary', 'Videregående skole', 'Vidaregåande skule', 'Upper secondary school', 40, true),
  ('health_station', 'Helsestasjon', 'Helsestasjon', 'Health station', 50, true),
  ('school_health_service', 'Skolehelsetjenesten', 'Skulehelsetenesta', 'School health service', 60, true),
  ('ppt', 'Pedagogisk-psykologisk tjeneste (PPT)', 'Pedagogisk-psykologisk teneste (PPT)', 'Educational-psychological service (PPT)', 70, true),
  ('child_welfare', 'Barnevernstjenesten', 'Barnevernstenesta', 'Child welfare service', 80, true),
  ('nav', 'NAV', 'NAV', 'NAV (labour and welfare)', 90, true),
  ('mental_health_team', 'Psykisk helseteam for barn og unge', 'Psykisk helseteam for barn og unge', 'Mental health team for children and youth', 100, true),
  ('outreach', 'Utekontakten', 'Utekontakten', 'Outreach service (utekontakt)', 110, true),
  ('youth_leisure', 'Ungdom og fritid', 'Ungdom og fritid', 'Youth and leisure', 120, true),
  ('gp', 'Fastlege', 'Fastlege', 'General practitioner', 130, true),
  ('police_youth', 'Politiets ungdomsenhet', 'Politiet si ungdomseining', 'Police youth unit', 140, true),
  ('coordinating_unit', 'Koordinerende enhet', 'Koordinerande eining', 'Coordinating unit (Koordinerende enhet)', 150, true),
  ('municipal_admin', 'Kommuneadministrasjonen', 'Kommuneadministrasjonen', 'Municipal administration', 160, true);
