"""The WeChat Official Account (公众号) channel: a callback server beside Telegram.

Readers use the same commands as on Telegram (typed as words, or menu clicks), answered by
the same :class:`bot.replies.Responder`; subscribers get their digest within WeChat's rules
(customer-service messages inside the 48-hour window, mass send within the quota, and
always by asking: the menu's "今日要闻"). Nothing is imported here: the modules are
``settings``, ``crypto``, ``xml``, ``words``, ``server``, ``api``, ``delivery``, ``runner``.
"""
