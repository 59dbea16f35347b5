"""Channel handlers: Telegram's (the terminal channel is bot/console.py)."""
