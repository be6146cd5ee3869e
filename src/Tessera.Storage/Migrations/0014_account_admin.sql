-- Administration: each account's last successful sign-in, shown to administrators beside its lockout state.
ALTER TABLE users ADD COLUMN last_signin TEXT;
