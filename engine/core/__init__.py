"""Plain data every layer shares: formula trees."""
