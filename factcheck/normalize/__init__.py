"""Put claims on one footing: currency at the right date, units, canonical names."""
