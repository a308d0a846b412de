"""Thai digits, Buddhist-era dates, fiscal years, plan periods, collation and slugs: stdlib and ICU only."""
