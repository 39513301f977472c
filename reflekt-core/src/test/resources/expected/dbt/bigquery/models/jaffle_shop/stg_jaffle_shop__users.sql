{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'users') }}
),

renamed as (
    select
        id as user_id,
        received_at as received_at_tstamp,
        email,
        first_name,
        loyalty_member,
        cast('identify' as string) as call_type,
        cast('jaffle_shop' as string) as source_schema,
        cast('users' as string) as source_table,
        cast('jaffle_shop/Identify/1-0.json' as string) as schema_id
    from source
)

select * from renamed
