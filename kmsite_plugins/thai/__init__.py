"""Thai digits, Buddhist-era dates, fiscal years, plan periods and targets."""
