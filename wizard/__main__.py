"""`python -m wizard` behaves exactly like the `iisdoctor` command."""

from wizard.cli.main import main

raise SystemExit(main())
