"""The conversation model (:mod:`.model`) and the words the app says about an exchange."""
