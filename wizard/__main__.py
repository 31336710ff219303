"""`python -m wizard` behaves exactly like the `iisdoctor` command."""

from wizard.cli import main

raise SystemExit(main())
